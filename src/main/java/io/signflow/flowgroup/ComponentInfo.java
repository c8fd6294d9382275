package io.signflow.flowgroup;

import io.signflow.document.PageBox;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A control placed on a page (the API's "Component"): a sign control or a fill control. Page, position
 * and size are required for NORMAL placement only; KEYWORD and FIELD placement find them in the file
 * ({@link ComponentPlacement}).
 */
record ComponentInfo(
        @NotNull String componentType,
        Double componentHeight,
        Double componentWidth,
        Long componentPage,
        Double componentPosX,
        Double componentPosY,
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

    /** This control at a box found in the file: a NORMAL control, as if the caller had given the box. */
    ComponentInfo placedAt(PageBox box, String placedId) {
        return new ComponentInfo(componentType, box.height(), box.width(), (long) box.page(), box.x(), box.y(),
                fileIndex, "NORMAL", placedId, componentName, componentRequired, componentRecipientId,
                componentExtra, isFormType, componentValue, offsetX, offsetY, keywordOrder, keywordPage,
                relativeLocation, keywordIndexes, lockComponentValue, forbidMoveAndDelete, componentDateFontSize,
                channelComponentId, channelComponentSource);
    }
}
