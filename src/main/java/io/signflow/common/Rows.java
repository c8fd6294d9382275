package io.signflow.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps rows onto records: each component from the column of its snake_case name (or its own name),
 * converted as JdbcClient's {@code query(Class)} converts. That mapper asks the driver for the
 * component's own name first and for the snake_case name only after the driver's exception: PgJDBC
 * builds an exception with its stack trace for every camelCase component of every row, which was 15 %
 * of the request threads' CPU in a profile. Here the columns are matched by their labels, and the
 * match is kept until a result with other labels comes.
 *
 * @param <T> the record
 */
public final class Rows<T extends Record> implements RowMapper<T> {

    private static final ClassValue<Rows<?>> MAPPERS = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Rows<?> computeValue(Class<?> type) {
            return new Rows(type.asSubclass(Record.class));
        }
    };

    private final Class<T> type;
    private final Constructor<T> constructor;
    private final String[] names;
    private final TypeDescriptor[] types;
    private final ConversionService conversion = DefaultConversionService.getSharedInstance();

    /** The last result's column labels and the column of each component in it. */
    private volatile Columns last;

    private record Columns(String[] labels, int[] indexes) {
    }

    private Rows(Class<T> type) {
        this.type = type;
        this.constructor = BeanUtils.getResolvableConstructor(type);
        RecordComponent[] components = type.getRecordComponents();
        this.names = Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
        this.types = new TypeDescriptor[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
        }
    }

    /** The mapper of {@code type}, made once. */
    @SuppressWarnings("unchecked")
    public static <T extends Record> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.get(type);
    }

    @Override
    public T mapRow(ResultSet rs, int rowNumber) throws SQLException {
        int[] indexes = indexes(rs);
        Object[] arguments = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            arguments[i] = conversion.convert(JdbcUtils.getResultSetValue(rs, indexes[i], types[i].getType()), types[i]);
        }
        return BeanUtils.instantiateClass(constructor, arguments);
    }

    private int[] indexes(ResultSet rs) throws SQLException {
        ResultSetMetaData metadata = rs.getMetaData();
        String[] labels = new String[metadata.getColumnCount()];
        for (int index = 1; index <= labels.length; index++) {
            labels[index - 1] = JdbcUtils.lookupColumnName(metadata, index).toLowerCase(Locale.ROOT);
        }
        Columns known = last;
        if (known != null && Arrays.equals(known.labels(), labels)) {
            return known.indexes();
        }
        int[] indexes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            indexes[i] = column(labels, names[i]);
        }
        last = new Columns(labels, indexes);
        return indexes;
    }

    /** The column named {@code name} in snake_case, else as it is: JdbcClient's two names, the other way round. */
    private int column(String[] labels, String name) throws SQLException {
        List<String> columns = Arrays.asList(labels);
        int index = columns.indexOf(JdbcUtils.convertPropertyNameToUnderscoreName(name));
        if (index < 0) {
            index = columns.indexOf(name.toLowerCase(Locale.ROOT));
        }
        if (index < 0) {
            throw new SQLException("The result has no column for " + type.getSimpleName() + "." + name + ".");
        }
        return index + 1;
    }
}
