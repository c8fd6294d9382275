package io.signflow.document;

import io.signflow.common.Rows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FileRepository {

    private static final String COLUMNS =
            "id, organization_id, business_type, file_name, file_type, size_bytes, page_count, expires_at";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public FileRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void insert(FileResource file, String sha256, byte[] content, List<PageGeometry> pages) {
        jdbc.sql("insert into file_resource (id, organization_id, business_type, file_name, file_type, size_bytes, "
                        + "sha256, page_count, content, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(file.id(), file.organizationId(), file.businessType(), file.fileName(), file.fileType(),
                        file.sizeBytes(), sha256, file.pageCount(), content, OffsetDateTime.now(ZoneOffset.UTC),
                        file.expiresAt())
                .update();
        batch.batchUpdate("insert into file_page (file_id, page_no, width, height, rotation, origin_x, origin_y) "
                        + "values (?, ?, ?, ?, ?, ?, ?)",
                pages.stream().map(p -> new Object[] {file.id(), p.pageNo(), p.width(), p.height(), p.rotation(),
                        p.originX(), p.originY()}).toList());
    }

    public Optional<FileResource> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from file_resource where id = ?").param(id)
                .query(Rows.of(FileResource.class)).optional();
    }

    public List<FileResource> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from file_resource where id in (:ids)").param("ids", ids)
                .query(Rows.of(FileResource.class)).list();
    }

    /** Page geometry of several files at once, each list in page order. */
    public Map<String, List<PageGeometry>> pages(Collection<String> fileIds) {
        Map<String, List<PageGeometry>> byFile = new LinkedHashMap<>();
        if (fileIds.isEmpty()) {
            return byFile;
        }
        jdbc.sql("select file_id, page_no, width, height, rotation, origin_x, origin_y from file_page "
                        + "where file_id in (:ids) order by file_id, page_no")
                .param("ids", fileIds)
                .query(rs -> {
                    byFile.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                            .add(new PageGeometry(rs.getInt(2), rs.getDouble(3), rs.getDouble(4), rs.getInt(5),
                                    rs.getDouble(6), rs.getDouble(7)));
                });
        return byFile;
    }

    public byte[] content(String id) {
        return jdbc.sql("select content from file_resource where id = ?").param(id).query(byte[].class).single();
    }
}
