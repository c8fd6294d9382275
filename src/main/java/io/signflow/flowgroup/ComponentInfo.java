package io.signflow.flowgroup;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A control placed on a page (the API's "Component"): a sign control or a fill control. */
record ComponentInfo(
        @NotNull String componentType,
        @NotNull Double componentHeight,
        @NotNull Double componentWidth,
        @NotNull Long componentPage,
        @NotNull Double componentPosX,
        @NotNull Double componentPosY,
        @NotNull Long fileIndex,
        String generateMode,
        String componentId,
        String componentName,
        Boolean componentRequired,
        String componentRecipientId,
        String componentExtra,
        Boolean isFormType,
        String componentValue,
        Double offsetX,
        Double offsetY,
        String keywordOrder,
        Long keywordPage,
        String relativeLocation,
        List<Long> keywordIndexes,
        Boolean lockComponentValue,
        Boolean forbidMoveAndDelete,
        Long componentDateFontSize,
        String channelComponentId,
        Long channelComponentSource) {
}
