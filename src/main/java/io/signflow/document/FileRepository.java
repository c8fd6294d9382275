package io.signflow.document;

import io.signflow.common.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

    /**
     * Files with their pages in page order, in one read: a creation checks its files and places its
     * controls on their pages. The caller checks that they may be used; a file without a record is
     * missing from the map.
     */
    public Map<String, DocumentService.UsableDocument> findWithPages(Collection<String> ids) {
        Map<String, DocumentService.UsableDocument> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        RowMapper<FileResource> files = Rows.of(FileResource.class);
        jdbc.sql("select f.id, f.organization_id, f.business_type, f.file_name, f.file_type, f.size_bytes, f.page_count, "
                        + "f.expires_at, p.page_no, p.width, p.height, p.rotation, p.origin_x, p.origin_y "
                        + "from file_resource f left join file_page p on p.file_id = f.id where f.id in (:ids) "
                        + "order by f.id, p.page_no")
                .param("ids", ids)
                .query(rs -> {
                    DocumentService.UsableDocument document = found.get(rs.getString(1));
                    if (document == null) {
                        document = new DocumentService.UsableDocument(files.mapRow(rs, rs.getRow()), new ArrayList<>());
                        found.put(document.file().id(), document);
                    }
                    if (rs.getObject(9) != null) {
                        document.pages().add(page(rs, 9));
                    }
                });
        return found;
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
                    byFile.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(page(rs, 2));
                });
        return byFile;
    }

    /** The page whose page_no, width, height, rotation, origin_x and origin_y start at column {@code first}. */
    private static PageGeometry page(ResultSet rs, int first) throws SQLException {
        return new PageGeometry(rs.getInt(first), rs.getDouble(first + 1), rs.getDouble(first + 2),
                rs.getInt(first + 3), rs.getDouble(first + 4), rs.getDouble(first + 5));
    }

    public byte[] content(String id) {
        return jdbc.sql("select content from file_resource where id = ?").param(id).query(byte[].class).single();
    }
}
