package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    /** One in ten random parts is below 100,000 and must still be six digits. */
    @Test
    void everyIdIsTheEssShapeWithSixRandomDigits() {
        IntStream.range(0, 10_000).mapToObj(i -> RequestIds.next())
                .forEach(id -> assertThat(id).matches("s\\d{13}\\d{6}"));
    }
}
