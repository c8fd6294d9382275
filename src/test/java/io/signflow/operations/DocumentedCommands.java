package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of one section of docs/operating.md, read from the page (each shell block after a
 * {@code <!-- command: name -->} line) and run with bash exactly as written, so that what operators
 * copy is what the tests ran.
 */
final class DocumentedCommands {

    private static final Path PAGE = Path.of("docs/operating.md");
    private static final Pattern COMMAND = Pattern.compile("<!-- command: (\\w+) -->\\s*```sh\\n(.*?)```", Pattern.DOTALL);

    private final Map<String, String> commands = new LinkedHashMap<>();
    private final Set<String> run = ConcurrentHashMap.newKeySet();

    /** The commands under the heading {@code ## <heading>}, up to the next heading of that level. */
    DocumentedCommands(String heading) {
        try {
            String page = Files.readString(PAGE);
            int start = page.indexOf("## " + heading + "\n");
            assertThat(start).as("docs/operating.md has the section " + heading).isNotNegative();
            int end = page.indexOf("\n## ", start + 1);
            String section = page.substring(start, end < 0 ? page.length() : end);
            Matcher m = COMMAND.matcher(section);
            while (m.find()) {
                commands.put(m.group(1), m.group(2));
            }
            // every curl shown there is one of them: no command of the section goes untested
            assertThat(Pattern.compile("(?m)^curl ").matcher(section).results().count()).isEqualTo(commands.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command against the server on {@code port}, with the page's settings and these variables. */
    JsonNode run(String name, int port, Map<String, String> variables) {
        String command = commands.get(name);
        assertThat(command).as("docs/operating.md shows the command " + name).isNotNull();
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", command).redirectErrorStream(true);
        builder.environment().put("SIGNFLOW_URL", "http://127.0.0.1:" + port);
        builder.environment().put("SIGNFLOW_ADMIN_USER", AdminClient.USER);
        builder.environment().put("SIGNFLOW_ADMIN_PASSWORD", AdminClient.PASSWORD);
        builder.environment().putAll(variables);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(name + ": " + output).isZero();
            run.add(name);
            return output.isBlank() ? ApiClient.JSON.createObjectNode() : ApiClient.JSON.readTree(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Commands of the section no test has run. */
    Set<String> notRun() {
        Set<String> left = new TreeSet<>(commands.keySet());
        left.removeAll(run);
        return left;
    }
}
