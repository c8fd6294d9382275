package io.signflow.signing;

import io.signflow.common.RequestRejected;
import io.signflow.signing.SignerQueries.Signer;
import org.springframework.stereotype.Component;

/** The signer a link's token stands for: the only credential the signer page has. */
@Component
class LinkHolders {

    private final SignLinks links;
    private final SignerQueries queries;

    LinkHolders(SignLinks links, SignerQueries queries) {
        this.links = links;
        this.queries = queries;
    }

    Signer of(String token) {
        return links.signerOf(token).flatMap(queries::signer)
                .orElseThrow(() -> RequestRejected.notFound("This link is not valid or has expired. Ask the sender "
                        + "for a new one."));
    }
}
