package io.signflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsGatewaySenderTest {

    /** The default template (NotifyProperties). */
    private static final String TEMPLATE = "{\"mobile\":\"${mobile}\",\"text\":\"${text}\",\"id\":\"${id}\"}";

    @Test
    void placeholdersInsideTheTextAreSentAsWrittenNotReplaced() {
        String body = SmsGatewaySender.fill(TEMPLATE, Map.of("mobile", "13900000000",
                "text", "“${id}公司” asks you to sign; ${mobile}", "id", "MSG1"));

        assertThat(body).isEqualTo("{\"mobile\":\"13900000000\",\"text\":\"“${id}公司” asks you to sign; ${mobile}\","
                + "\"id\":\"MSG1\"}");
    }

    @Test
    void valuesAreJsonEscaped() {
        String body = SmsGatewaySender.fill(TEMPLATE, Map.of("mobile", "1", "text", "a \"quote\"\nand \\ $1", "id", "x"));

        assertThat(body).contains("\"text\":\"a \\\"quote\\\"\\nand \\\\ $1\"");
    }
}
