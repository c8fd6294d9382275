package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.support.AdminClient;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.EngineUsers;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An engine user who is not the admin (made in Camunda Admin, say, with no grants) changes nothing
 * through the engine REST API — no job retry, no message, no deployment, no process start, no grant
 * to themselves — and gets into neither Cockpit, Tasklist nor Admin; without any login, the webapps'
 * APIs answer nothing at all.
 */
class NonAdminAccessIT extends ApiTestBase {

    private static final String USER = EngineUsers.BYSTANDER;
    private static final String PASSWORD = EngineUsers.BYSTANDER_PASSWORD;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    private String flowId;
    private ProcessInstance flow;
    private Job deadline;

    @BeforeEach
    void aContractWaitingForItsSigner() {
        EngineUsers.ensureBystander(identity);
        Tenant tenant = tenants().create();
        flowId = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("旁观", Tenants.mobile())))).at("/FlowIds/0").asText();
        flow = runtime.createProcessInstanceQuery().processDefinitionKey("sign-flow").processInstanceBusinessKey(flowId)
                .singleResult();
        deadline = management.createJobQuery().processInstanceId(flow.getId()).timers().singleResult();
    }

    @Test
    void engineRestWritesAreRefusedAndChangeNothing() throws Exception {
        long deployments = repository.createDeploymentQuery().count();

        assertThat(send("PUT", "/engine-rest/job/" + deadline.getId() + "/retries", "{\"retries\": 7}").statusCode())
                .isEqualTo(403);
        assertThat(send("PUT", "/engine-rest/job/" + deadline.getId() + "/duedate",
                "{\"duedate\": \"2020-01-01T00:00:00.000+0000\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/engine-rest/message", "{\"messageName\": \"FlowCancelled\", \"businessKey\": \""
                + flowId + "\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/engine-rest/process-instance/" + flow.getId() + "/variables",
                "{\"modifications\": {\"flowId\": {\"value\": \"x\"}}}").statusCode()).isIn(403, 404);
        assertThat(send("DELETE", "/engine-rest/process-instance/" + flow.getId(), null).statusCode()).isIn(403, 404);
        assertThat(deploy().statusCode()).isEqualTo(403);
        assertThat(send("POST", "/engine-rest/process-definition/key/flow-group/start", "{}").statusCode())
                .isIn(403, 404);
        assertThat(send("POST", "/engine-rest/authorization/create", "{\"type\": 1, \"permissions\": [\"ALL\"], "
                + "\"userId\": \"" + USER + "\", \"resourceType\": 0, \"resourceId\": \"*\"}").statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/engine-rest/group/camunda-admin/members/" + USER, null).statusCode()).isEqualTo(403);

        Job after = management.createJobQuery().jobId(deadline.getId()).singleResult();
        assertThat(after.getRetries()).isEqualTo(deadline.getRetries());
        assertThat(after.getDuedate()).isEqualTo(deadline.getDuedate());
        assertThat(runtime.getActiveActivityIds(flow.getId())).contains("ReceiveTask_AwaitSignature");
        assertThat(runtime.getVariable(flow.getId(), "flowId")).isEqualTo(flowId);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId(USER).count()).isZero();
        // and reading shows nothing of any process (the engine's own history-cleanup job is no secret)
        assertThat(ApiClient.JSON.readTree(send("GET", "/engine-rest/job", null).body()).findValuesAsText("processInstanceId"))
                .allMatch("null"::equals);
        assertThat(send("GET", "/engine-rest/history/process-instance", null).body()).isEqualTo("[]");
        assertThat(send("GET", "/engine-rest/variable-instance", null).body()).isEqualTo("[]");
    }

    @Test
    void cockpitTasklistAndAdminRefuseTheUser() throws Exception {
        for (String app : List.of("cockpit", "tasklist", "admin")) {
            assertThat(webappLogin(app, USER, PASSWORD).statusCode()).as(app).isEqualTo(403);
        }
        // the admin gets in, so the refusal is about the user, not the request
        assertThat(webappLogin("cockpit", AdminClient.USER, AdminClient.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutALoginTheWebappsAnswerNothing() throws Exception {
        for (String path : List.of("/camunda/api/engine/engine/default/task",
                "/camunda/api/engine/engine/default/task/count",
                "/camunda/api/engine/engine/default/process-definition",
                "/camunda/api/engine/engine/default/process-instance",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                "/camunda/api/engine/engine/default/job")) {
            HttpResponse<String> answer = anonymous(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.body()).doesNotContain(flowId).doesNotContain(flow.getId());
        }
        // HTTP Basic is no way into the webapps' API, even with the right password
        HttpResponse<String> basic = HTTP.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/count"))
                .header("Authorization", basic(AdminClient.USER, AdminClient.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    /** Logs in to a webapp as its login page does: with the CSRF token from the page's cookie. */
    private HttpResponse<String> webappLogin(String app, String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        return browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(USER, PASSWORD))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> deploy() throws Exception {
        String boundary = "signflowboundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nforeign\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"foreign.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + new String(Files.readAllBytes(Path.of("bpmn/message-delivery.bpmn")),
                StandardCharsets.UTF_8).replace("id=\"message-delivery\"", "id=\"foreign\"") + "\r\n--" + boundary + "--\r\n";
        return HTTP.send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                .header("Authorization", basic(USER, PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
