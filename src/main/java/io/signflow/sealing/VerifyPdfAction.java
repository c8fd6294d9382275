package io.signflow.sealing;

import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowQueries;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * VerifyPdf: checks the digital signatures of a completed contract's final PDF as stored. VerifyResult
 * 1 = every signature valid, made by this platform, and the file unchanged since the last; 2 = valid
 * but some signature is not the platform's; 3 = a signature is broken or the file was changed after
 * signing; 4 = the file has no signature. Each signature's result is 1 (valid) or 3 (invalid). Times
 * are Unix milliseconds, as in ESS's example answer; the position is the signature field's.
 */
@Component
class VerifyPdfAction implements ApiAction<VerifyPdfAction.Request> {

    private final ActingPartyResolver actingParties;
    private final FlowQueries flows;
    private final FlowAccess access;
    private final SealedDocuments sealed;
    private final PdfSignatureVerifier verifier;
    private final PlatformIdentityStore identities;
    private final SealingProperties properties;

    public VerifyPdfAction(ActingPartyResolver actingParties, FlowQueries flows, FlowAccess access,
                           SealedDocuments sealed, PdfSignatureVerifier verifier, PlatformIdentityStore identities,
                           SealingProperties properties) {
        this.actingParties = actingParties;
        this.flows = flows;
        this.access = access;
        this.sealed = sealed;
        this.verifier = verifier;
        this.identities = identities;
        this.properties = properties;
    }

    public record Request(@NotNull String flowId, @NotNull @Valid UserInfo operator, Agent agent) {
    }

    public record Response(long verifyResult, List<PdfVerifyResult> pdfVerifyResults, String verifySerialNo,
                           String pdfResourceMd5) {
    }

    public record PdfVerifyResult(long verifyResult, String signPlatform, String signerName, long signTime,
                                  String signAlgorithm, String certSn, long certNotBefore, long certNotAfter,
                                  float componentPosX, float componentPosY, float componentWidth,
                                  float componentHeight, long componentPage) {
    }

    @Override
    public String name() {
        return "VerifyPdf";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional(readOnly = true)
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        FlowQueries.FlowRow flow = flows.flows(List.of(request.flowId())).stream()
                .filter(f -> access.canSee(acting.organization(), f.organizationId()))
                .findFirst()
                .orElseThrow(() -> new ApiException(ErrorCodes.FLOW_NOT_FOUND, "The contract " + request.flowId()
                        + " does not exist."));
        byte[] pdf = sealed.content(flow.id()).orElseThrow(() -> new ApiException(ErrorCodes.FAILED_OPERATION,
                "The contract has no final PDF yet: it is signed when every signer has signed."));
        try {
            List<PdfSignatureVerifier.Result> results = verifier.verify(pdf);
            List<PdfVerifyResult> details = results.stream().map(this::detail).toList();
            return new Response(overall(results), details, UUID.randomUUID().toString().replace("-", ""),
                    DigestUtils.md5Hex(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long overall(List<PdfSignatureVerifier.Result> results) {
        if (results.isEmpty()) {
            return 4;
        }
        boolean intact = results.stream().allMatch(PdfSignatureVerifier.Result::valid)
                && results.get(results.size() - 1).coversDocument();
        if (!intact) {
            return 3;
        }
        return results.stream().allMatch(this::byPlatform) ? 1 : 2;
    }

    private boolean byPlatform(PdfSignatureVerifier.Result result) {
        return identities.identity().signingCertificate().equals(result.certificate());
    }

    private PdfVerifyResult detail(PdfSignatureVerifier.Result r) {
        PdfSignatureVerifier.Position at = r.position();
        return new PdfVerifyResult(r.valid() ? 1 : 3, byPlatform(r) ? properties.platformName() : r.subject(),
                r.signerName(), millis(r.signTime()), r.algorithm(), r.serialNumber(), millis(r.notBefore()),
                millis(r.notAfter()), at.x(), at.y(), at.width(), at.height(), at.page());
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

}
