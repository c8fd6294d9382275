package io.signflow.tenant;

import io.signflow.common.Rows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EmployeeRepository {

    private final JdbcClient jdbc;

    public EmployeeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Employee employee) {
        jdbc.sql("insert into employee (id, organization_id, name, mobile, verified, api_enabled, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(employee.id(), employee.organizationId(), employee.name(), employee.mobile(),
                        employee.verified(), employee.apiEnabled(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    public Optional<Employee> findByMobile(String organizationId, String mobile) {
        return jdbc.sql("select id, organization_id, name, mobile, verified, api_enabled from employee "
                        + "where organization_id = ? and mobile = ? order by id limit 1")
                .params(organizationId, mobile).query(Rows.of(Employee.class)).optional();
    }

    public Optional<Employee> find(String id) {
        return jdbc.sql("select id, organization_id, name, mobile, verified, api_enabled from employee where id = ?")
                .param(id).query(Rows.of(Employee.class)).optional();
    }
}
