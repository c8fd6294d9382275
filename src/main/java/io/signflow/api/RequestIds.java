package io.signflow.api;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids in the ESS shape: "s", the epoch milliseconds and six random digits. */
final class RequestIds {

    private RequestIds() {
    }

    static String next() {
        // the digits of 1,000,000 + n after its leading 1: n zero-padded to six, without a Formatter per request
        int digits = 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        return "s" + System.currentTimeMillis() + Integer.toString(digits).substring(1);
    }
}
