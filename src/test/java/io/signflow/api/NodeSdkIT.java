package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official Tencent Cloud Node.js SDK (tencentcloud-sdk-nodejs, the version src/test/node pins)
 * against a server on a random port, in its signing styles: it creates the seed's first group and
 * reads it back (src/test/node/group-round-trip.js). The SDK is installed under target/node-sdk by
 * .ci/run, or here when it is missing; without node and npm the test is skipped.
 */
class NodeSdkIT extends ApiTestBase {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path INSTALL = Path.of("target", "node-sdk");

    @BeforeAll
    static void installTheSdk() throws Exception {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "node and npm are not installed: the Node.js SDK test needs them (Debian: apt-get install nodejs npm)");
        if (Files.isDirectory(INSTALL.resolve("node_modules/tencentcloud-sdk-nodejs"))) {
            return;
        }
        Files.createDirectories(INSTALL);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(SOURCES.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Process npm = new ProcessBuilder("npm", "ci", "--prefix", INSTALL.toString(), "--no-audit", "--no-fund")
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(10, TimeUnit.MINUTES) && npm.exitValue() == 0)
                .as("npm ci --prefix %s failed:%n%s", INSTALL, output).isTrue();
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"TC3-HMAC-SHA256, POST", "TC3-HMAC-SHA256, GET", "HmacSHA256, POST", "HmacSHA1, GET"})
    void createsTheSeedGroupAndReadsItBack(String signMethod, String requestMethod) throws Exception {
        Path example = Path.of("docs/examples/create-flow-group-example-1.json");
        ProcessBuilder builder = new ProcessBuilder("node", SOURCES.resolve("group-round-trip.js").toString(),
                "127.0.0.1:" + port, demo().secretId(), demo().secretKey(), example.toString(), signMethod,
                requestMethod).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", INSTALL.resolve("node_modules").toAbsolutePath().toString());
        Process node = builder.start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).as("the Node.js script did not finish").isTrue();

        assertThat(node.exitValue()).as(output).isZero();
        JsonNode result = ApiClient.JSON.readTree(output);
        JsonNode request = ApiClient.JSON.readTree(Files.readString(example));
        JsonNode created = result.get("created");
        JsonNode described = result.get("described");
        assertThat(created.get("FlowIds")).hasSize(request.get("FlowGroupInfos").size());
        assertThat(described.get("FlowGroupId")).isEqualTo(created.get("FlowGroupId"));
        assertThat(described.get("FlowGroupName")).isEqualTo(request.get("FlowGroupName"));
        List<String> describedIds = new ArrayList<>();
        described.get("FlowDetailInfos").forEach(flow -> describedIds.add(flow.get("FlowId").asText()));
        List<String> createdIds = new ArrayList<>();
        created.get("FlowIds").forEach(id -> createdIds.add(id.asText()));
        assertThat(describedIds).containsExactlyElementsOf(createdIds);
    }
}
