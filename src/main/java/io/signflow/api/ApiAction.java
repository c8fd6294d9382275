package io.signflow.api;

/**
 * One API 3.0 action, e.g. CreateFlowGroupByFiles. The gateway authenticates, parses the body into
 * {@link #requestType()} and hands it over; the returned object becomes the fields of "Response".
 * An action that writes is {@code @Transactional}: the gateway may run it again after a transient
 * concurrency failure, which is safe because a failed attempt left nothing behind.
 */
public interface ApiAction<Q> {

    String name();

    Class<Q> requestType();

    Object handle(ApiCaller caller, Q request);

    /**
     * True for an action that creates something a client would not want twice (a group, files, a
     * report): it runs within the creating actions' admission bound, and a request carrying an
     * idempotency key is answered once per key (docs/api.md).
     */
    default boolean creates() {
        return false;
    }
}
