package io.signflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One module writes each table; the others go through its API. The owners are the table in
 * docs/architecture.md, so the page and the code cannot drift apart: every table the migrations
 * create must have an owner there, and every INSERT, UPDATE, DELETE or MERGE in the main sources
 * must come from the owner's package.
 */
class TableOwnershipTest {

    static final Path SOURCES = Path.of("src/main/java/io/signflow");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path ARCHITECTURE = Path.of("docs/architecture.md");

    /** A row of the owners table: | `table` | module | */
    static final Pattern OWNER_ROW = Pattern.compile("^\\|\\s*`(\\w+)`\\s*\\|\\s*(\\w+)\\s*\\|", Pattern.MULTILINE);
    static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    /** A table built under a working name and then renamed lives on under its final name only. */
    static final Pattern RENAME_TABLE = Pattern.compile("(?i)alter\\s+table\\s+(\\w+)\\s+rename\\s+to\\s+(\\w+)");
    /** String literals joined by +, as SQL is written across lines. */
    static final Pattern LITERALS = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\\\n]|\\\\.)*\")*");
    static final Pattern WRITE = Pattern.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(\\w+)");

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() {
        assertThat(owners().keySet()).containsAll(createdTables());
    }

    @Test
    void onlyTheOwningModuleWritesATable() {
        Map<String, String> owners = owners();
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String module = SOURCES.relativize(file).getName(0).toString();
            for (String table : writtenTables(read(file))) {
                String owner = owners.get(table);
                if (owner != null && !owner.equals(module)) {
                    violations.add(SOURCES.relativize(file) + " writes " + table + ", owned by " + owner);
                }
            }
        }
        assertThat(violations).as("writes from outside the owning module").isEmpty();
    }

    @Test
    void seesWritesSplitAcrossLiterals() {
        String source = "jdbc.sql(\"update \"\n + \"approver set status = ?\"); jdbc.sql(\"select 1 from flow\"); "
                + "jdbc.sql(\"DELETE FROM sign_link where x\"); // update flow_group in a comment";
        assertThat(writtenTables(source)).containsExactly("approver", "sign_link");
    }

    /** The tables a source file's SQL literals insert into, update, delete from or merge into. */
    static Set<String> writtenTables(String source) {
        Set<String> tables = new TreeSet<>();
        Matcher literals = LITERALS.matcher(source);
        while (literals.find()) {
            String sql = literals.group().replaceAll("\"\\s*\\+\\s*\"", "");
            Matcher write = WRITE.matcher(sql);
            while (write.find()) {
                tables.add(write.group(1).toLowerCase());
            }
        }
        return tables;
    }

    static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        Matcher row = OWNER_ROW.matcher(read(ARCHITECTURE));
        while (row.find()) {
            owners.put(row.group(1), row.group(2));
        }
        return owners;
    }

    static Set<String> createdTables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.forEach(file -> {
                String sql = read(file);
                Matcher create = CREATE_TABLE.matcher(sql);
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase());
                }
                Matcher rename = RENAME_TABLE.matcher(sql);
                while (rename.find()) {
                    tables.remove(rename.group(1).toLowerCase());
                    tables.add(rename.group(2).toLowerCase());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java") && f.getParent() != null
                    && !f.getParent().equals(SOURCES)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
