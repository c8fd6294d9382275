package io.signflow.support;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.ess.v20201111.EssClient;
import io.signflow.SignflowApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port, on the database {@link TestDatabase} picks, with the demo data,
 * timestamping its signatures with the {@link TestTimeStampAuthority}.
 * Tests talk to it as integrators do: over HTTP, signed, or through the official SDK. They share one
 * application per database and stay independent by creating their own tenants. The application's
 * clock is {@link #clock}: the system clock until a test moves it, and back to it after each test.
 */
@Import(ApiTestBase.MovableClock.class)
@SpringBootTest(classes = SignflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "signflow.admin.password=" + AdminClient.PASSWORD,
                "signflow.callback.allow-private=true",
                "signflow.outbox.poll-interval=500ms",
                "signflow.outbox.retry-delay=200ms",
                "signflow.api.rate-limit-per-second=1000",
                "signflow.api.action-rate-limits.CreateFlowGroupByFiles=1000",
                "signflow.api.action-rate-limits.DescribeFlowBriefs=1000",
                "signflow.api.action-rate-limits.DescribeBillUsageDetail=1000",
                "signflow.api.action-rate-limits.DescribeBillUsage=5",
                // as with the rates: concurrency tests reach the logic behind the bounds (ApiAdmissionTest tests them)
                "signflow.api.admission.node-creating=100",
                "signflow.api.admission.node-other=100",
                "signflow.api.admission.organization-creating=100",
                "signflow.api.admission.organization-other=100",
                "signflow.api.admission.node-creating-behind-backlog=100",
                "logging.level.org.apache.pdfbox=ERROR",
                // Spring Boot's tests turn metrics export off; the Prometheus endpoint is part of what is tested
                "management.prometheus.metrics.export.enabled=true",
                "logging.file.name=target/it-logs/signflow-${signflow.test.database:postgres}.log",
                "logging.logback.rollingpolicy.max-file-size=2GB"
        })
public abstract class ApiTestBase {

    /**
     * Everything the applications of this test run log, from their start: tests that look for leaks
     * read it (the console capture of a test begins only when the test does).
     */
    public static final Path LOG_FILE = Path.of("target", "it-logs", "signflow-" + TestDatabase.kind() + ".log");

    static {
        try {
            // this run's applications start it afresh
            Files.deleteIfExists(LOG_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @Value("${signflow.demo.secret-id}")
    private String demoSecretId;

    @Value("${signflow.demo.secret-key}")
    private String demoSecretKey;

    @Autowired
    private ProcessEngine engine;

    /** The clock every time decision of the application reads (config.ClockConfig's, replaced). */
    @Autowired
    protected AdjustableClock clock;

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return AdjustableClock.system();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** Every signature the applications make is timestamped, as in a production setup with a TSA. */
    @DynamicPropertySource
    static void timeStampingAuthority(DynamicPropertyRegistry registry) {
        registry.add("signflow.sealing.tsa-url", () -> TestTimeStampAuthority.shared().url());
    }

    /**
     * Tests that need other settings get an application of their own, on a database of its own. Its
     * engine registers as "default" in Camunda's one static registry, where Cockpit and the engine
     * REST API of every application in this JVM look theirs up; so before each test the application
     * under test puts its own engine back.
     */
    @BeforeEach
    void engineOfThisApplication() {
        ProcessEngines.registerProcessEngine(engine);
    }

    @AfterEach
    void clockBackToTheSystemClock() {
        clock.reset();
    }

    /** The demo key: the seed's operators call with it. */
    protected ApiClient demo() {
        return new ApiClient(port, demoSecretId, demoSecretKey);
    }

    protected AdminClient admin() {
        return new AdminClient(port);
    }

    protected Tenants tenants() {
        return new Tenants(admin(), port);
    }

    /** The official Tencent Cloud SDK pointed at this server, as an integrator would configure it. */
    protected EssClient sdk(ApiClient credentials) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + port);
        http.setProtocol(HttpProfile.REQ_HTTP);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new EssClient(new Credential(credentials.secretId(), credentials.secretKey()), "", profile);
    }

    /** The official SDK's generic client, for actions its EssClient does not have (yet). */
    protected CommonClient common(ApiClient credentials) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + port);
        http.setProtocol(HttpProfile.REQ_HTTP);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new CommonClient("ess", "2020-11-11", new Credential(credentials.secretId(), credentials.secretKey()),
                "", profile);
    }
}
