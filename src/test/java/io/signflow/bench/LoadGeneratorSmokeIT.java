package io.signflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A few seconds of the load generator against the test server, so that it keeps working. */
class LoadGeneratorSmokeIT extends ApiTestBase {

    @Test
    void aShortCreationRunReportsThroughputLatencyAndNoErrors() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        LoadGenerator.run(new String[] {"--scenario=create", "--url=http://127.0.0.1:" + port,
                "--admin-password=" + AdminClient.PASSWORD, "--organizations=2", "--rate=5", "--warmup=1s",
                "--duration=3s", "--pgbench=false"}, new PrintStream(report, true, StandardCharsets.UTF_8));

        String text = report.toString(StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("CreateFlowGroupByFiles\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)\\s+([\\d.]+)").matcher(text);
        assertThat(row.find()).as(text).isTrue();
        assertThat(Long.parseLong(row.group(1))).isBetween(10L, 20L);
        assertThat(Long.parseLong(row.group(2))).isZero();
        assertThat(Double.parseDouble(row.group(4))).isPositive();
    }

    /** The engine baseline starts from Signflow's own models and answers every request, so it cannot rot unseen. */
    @Test
    void theBaselineRunsBesideCreationAndTheRatioIsPrinted() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        LoadGenerator.run(new String[] {"--scenario=create", "--url=http://127.0.0.1:" + port,
                "--admin-password=" + AdminClient.PASSWORD, "--organizations=2", "--baseline=true", "--concurrency=2",
                "--warmup=1s", "--duration=3s", "--pgbench=false"}, new PrintStream(report, true, StandardCharsets.UTF_8));

        String text = report.toString(StandardCharsets.UTF_8);
        Matcher baseline = Pattern.compile("1\\s+baseline\\s+([\\d.]+)\\s+[\\d.]+\\s+[\\d.]+\\s+(\\d+)\\s+1\\.00").matcher(text);
        Matcher signflow = Pattern.compile("1\\s+signflow\\s+([\\d.]+)\\s+[\\d.]+\\s+[\\d.]+\\s+(\\d+)\\s+([\\d.]+)").matcher(text);
        assertThat(baseline.find()).as(text).isTrue();
        assertThat(signflow.find()).as(text).isTrue();
        assertThat(Double.parseDouble(baseline.group(1))).as(text).isPositive();
        assertThat(baseline.group(2)).as(text).isEqualTo("0");
        assertThat(signflow.group(2)).as(text).isEqualTo("0");
        assertThat(Double.parseDouble(signflow.group(3))).as(text).isPositive();
    }
}
