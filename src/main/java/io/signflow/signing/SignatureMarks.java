package io.signflow.signing;

import io.signflow.common.Texts;
import io.signflow.common.ComponentExtra;
import io.signflow.common.RequestRejected;
import io.signflow.flowgroup.SignControlRules;
import io.signflow.signing.SignerQueries.Field;
import io.signflow.signing.SignerQueries.Signer;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a signer signs with, as their controls ask: a signature (drawn, or generated from their name
 * where the controls allow it), the organization's seal, its legal representative's seal.
 */
@Component
class SignatureMarks {

    /** Controls that take the signer's signature picture. */
    static final Set<String> SIGNATURE_TYPES = Set.of("SIGN_SIGNATURE", "SIGN_PAGING_SIGNATURE");
    static final String LEGAL_PERSON_SEAL = "SIGN_LEGAL_PERSON_SEAL";

    private final SignatureImages signatures;
    private final NameSignatures names;
    private final SealChooser seals;

    SignatureMarks(SignatureImages signatures, NameSignatures names, SealChooser seals) {
        this.signatures = signatures;
        this.names = names;
        this.seals = seals;
    }

    /** How the signer may make their signature for {@code fields}: what every signature control allows. */
    static Set<String> signatureKinds(List<Field> fields) {
        Set<String> kinds = new TreeSet<>(Set.of(SignControlRules.HANDWRITE, SignControlRules.SYSTEM_ESIGN));
        fields.stream().filter(f -> SIGNATURE_TYPES.contains(f.type()))
                .forEach(f -> kinds.retainAll(SignControlRules.signatureKinds(ComponentExtra.of(f.extra()).json())));
        return kinds;
    }

    /** The marks the signer's {@code fields} need, from what they sent; refused when one is missing or not theirs. */
    SignatureRecords.Marks choose(Signer signer, List<Field> fields, SigningService.SignRequest request) {
        String kind = null;
        byte[] signature = null;
        if (fields.stream().anyMatch(f -> SIGNATURE_TYPES.contains(f.type()))) {
            kind = request.signatureKind() == null || request.signatureKind().isBlank() ? SignControlRules.HANDWRITE
                    : request.signatureKind().trim();
            Set<String> allowed = signatureKinds(fields);
            if (!allowed.contains(kind)) {
                throw RequestRejected.badRequest(allowed.isEmpty()
                        ? "Your contracts ask for different kinds of signature; sign them one group at a time."
                        : "Your contracts take a signature made as " + allowed + ", not " + kind + ".");
            }
            signature = kind.equals(SignControlRules.SYSTEM_ESIGN) ? names.render(signer.name())
                    : signatures.decode(request.signatureImage());
        }
        String legalPersonSealId = fields.stream().anyMatch(f -> f.type().equals(LEGAL_PERSON_SEAL))
                ? seals.chooseLegalPerson(signer.organizationName(), signer.mobile(),
                Texts.blankToNull(request.legalPersonSealId()), restrictions(fields, LEGAL_PERSON_SEAL))
                : null;
        if (fields.stream().noneMatch(f -> SignerViews.SEAL_TYPES.contains(f.type()))) {
            return new SignatureRecords.Marks(null, null, signature, legalPersonSealId, kind);
        }
        SealChooser.Choice seal = seals.choose(signer.organizationName(), signer.mobile(),
                Texts.blankToNull(request.sealId()), restrictions(fields, "SIGN_SEAL"));
        return new SignatureRecords.Marks(seal.sealId(), seal.drawnPng(), signature, legalPersonSealId, kind);
    }

    /** The seal ids the initiator put on the signer's controls of that type. */
    private static Set<String> restrictions(List<Field> fields, String type) {
        return fields.stream().filter(f -> f.type().equals(type)).map(Field::componentValue)
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
