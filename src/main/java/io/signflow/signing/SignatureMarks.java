package io.signflow.signing;

import io.signflow.signing.SignerQueries.Field;
import io.signflow.signing.SignerQueries.Signer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What a signer signs with, as their controls ask: a drawn signature, a seal, or both. */
@Component
class SignatureMarks {

    private final SignatureImages signatures;
    private final SealChooser seals;

    SignatureMarks(SignatureImages signatures, SealChooser seals) {
        this.signatures = signatures;
        this.seals = seals;
    }

    /** The marks the signer's {@code fields} need, from what they sent; refused when one is missing or not theirs. */
    SignatureRecords.Marks choose(Signer signer, List<Field> fields, SigningService.SignRequest request) {
        byte[] signature = fields.stream().anyMatch(f -> f.type().equals("SIGN_SIGNATURE"))
                ? signatures.decode(request.signatureImage()) : null;
        if (fields.stream().noneMatch(f -> SignerViews.SEAL_TYPES.contains(f.type()))) {
            return new SignatureRecords.Marks(null, null, signature);
        }
        SealChooser.Choice seal = seals.choose(signer.organizationName(), signer.mobile(),
                SignerFills.blankToNull(request.sealId()),
                fields.stream().filter(f -> f.type().equals("SIGN_SEAL")).map(Field::componentValue)
                        .filter(Objects::nonNull).collect(Collectors.toSet()));
        return new SignatureRecords.Marks(seal.sealId(), seal.drawnPng(), signature);
    }
}
