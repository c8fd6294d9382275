package io.signflow.api;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids in the ESS shape: "s", the epoch milliseconds and six random digits. */
final class RequestIds {

    private RequestIds() {
    }

    static String next() {
        return "s" + System.currentTimeMillis() + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
