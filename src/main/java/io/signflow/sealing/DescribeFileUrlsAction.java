package io.signflow.sealing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signflow.api.ApiAction;
import io.signflow.api.ApiCaller;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.document.FileRepository;
import io.signflow.document.PageGeometry;
import io.signflow.flowgroup.FlowAccess;
import io.signflow.flowgroup.FlowQueries;
import io.signflow.tenant.ActingParty;
import io.signflow.tenant.ActingPartyResolver;
import io.signflow.tenant.Agent;
import io.signflow.tenant.UserInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DescribeFileUrls for BusinessType FLOW: a download link per completed contract's final PDF, valid
 * for UrlTtl seconds. Option tells each page's size. Only final PDFs are offered: a contract that is
 * still being signed, or whose PDF is being sealed (a second or two after the last signature), is
 * reported as not found, as ESS does.
 */
@Component
class DescribeFileUrlsAction implements ApiAction<DescribeFileUrlsAction.Request> {

    static final int MAX_BUSINESS_IDS = 20;
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_OFFSET = 1000;

    private final ActingPartyResolver actingParties;
    private final FlowQueries flows;
    private final FlowAccess access;
    private final SealedDocuments sealed;
    private final SealingSources sources;
    private final FileRepository files;
    private final DownloadLinks links;
    private final SealingProperties properties;
    private final ObjectMapper json;

    public DescribeFileUrlsAction(ActingPartyResolver actingParties, FlowQueries flows, FlowAccess access,
                                  SealedDocuments sealed, SealingSources sources, FileRepository files,
                                  DownloadLinks links, SealingProperties properties, ObjectMapper json) {
        this.actingParties = actingParties;
        this.flows = flows;
        this.access = access;
        this.sealed = sealed;
        this.sources = sources;
        this.files = files;
        this.links = links;
        this.properties = properties;
        this.json = json;
    }

    public record Request(@NotNull @Valid UserInfo operator, String businessType, List<String> businessIds,
                          String fileName, String fileType, Long offset, Long limit, Long urlTtl, String ccToken,
                          String scene, Agent agent) {
    }

    public record Response(List<FileUrl> fileUrls, long totalCount) {
    }

    public record FileUrl(String url, String option) {
    }

    private record PageSize(double width, double height) {
    }

    @Override
    public String name() {
        return "DescribeFileUrls";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    @Transactional(readOnly = true)
    public Object handle(ApiCaller caller, Request request) {
        ActingParty acting = actingParties.resolve(caller, request.operator(), request.agent());
        if (request.businessType() == null || request.businessType().isBlank()) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "BusinessType is required.");
        }
        if (!"FLOW".equals(request.businessType())) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "BusinessType: only FLOW (the contract PDF) is offered.");
        }
        if (request.fileType() != null && !request.fileType().isBlank() && !"PDF".equals(request.fileType())) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "FileType: only PDF is offered.");
        }
        List<String> ids = request.businessIds() == null ? List.of() : request.businessIds().stream().distinct().toList();
        if (ids.isEmpty()) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "BusinessIds: give the FlowIds.");
        }
        if (ids.size() > MAX_BUSINESS_IDS) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "BusinessIds may hold at most " + MAX_BUSINESS_IDS
                    + " ids.");
        }
        Duration ttl = ttl(request.urlTtl());
        int offset = bounded(request.offset(), 0, 0, MAX_OFFSET, "Offset");
        int limit = bounded(request.limit(), DEFAULT_LIMIT, 1, MAX_LIMIT, "Limit");

        List<FlowQueries.FlowRow> found = flows.flows(ids);
        Set<String> owners = access.visibleOwners(acting.organization(),
                found.stream().map(FlowQueries.FlowRow::organizationId).toList());
        Set<String> visible = found.stream().filter(f -> owners.contains(f.organizationId()))
                .map(FlowQueries.FlowRow::id).collect(Collectors.toSet());
        Map<String, SealedDocuments.Sealed> ready = sealed.find(visible).stream()
                .collect(Collectors.toMap(SealedDocuments.Sealed::flowId, Function.identity()));
        List<String> sealedIds = ids.stream().filter(ready::containsKey).toList();
        if (sealedIds.isEmpty()) {
            throw new ApiException(ErrorCodes.RESOURCE_NOT_FOUND_GENERIC, "No final PDF for these contracts: they do not exist, "
                    + "are not completed, or are still being sealed.");
        }
        List<FileUrl> urls = new ArrayList<>();
        for (String flowId : sealedIds.stream().skip(offset).limit(limit).toList()) {
            urls.add(new FileUrl(links.issue(flowId, ttl), option(flowId, ready.get(flowId).pageCount())));
        }
        return new Response(urls, sealedIds.size());
    }

    private Duration ttl(Long seconds) {
        if (seconds == null || seconds == 0) {
            return properties.defaultUrlTtl();
        }
        if (seconds < 0 || seconds > properties.maxUrlTtl().toSeconds()) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, "UrlTtl must be between 0 and "
                    + properties.maxUrlTtl().toSeconds() + " seconds.");
        }
        return Duration.ofSeconds(seconds);
    }

    private static int bounded(Long value, int fallback, int min, int max, String field) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER, field + " must be between " + min + " and " + max + ".");
        }
        return value.intValue();
    }

    /** Every page's size in pt: the contract's own pages, then the A4 certificate pages. */
    private String option(String flowId, int pageCount) {
        String fileId = sources.contract(flowId).fileId();
        List<PageSize> sizes = new ArrayList<>();
        for (PageGeometry page : files.pages(List.of(fileId)).get(fileId)) {
            sizes.add(new PageSize(page.width(), page.height()));
        }
        while (sizes.size() < pageCount) {
            sizes.add(new PageSize(PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight()));
        }
        try {
            return json.writeValueAsString(sizes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
