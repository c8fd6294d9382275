package io.signflow.flowgroup;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ATTACHMENT control's value as ESS writes it: the ids of its images, separated by commas, 1 to 6
 * of them (ESS: "JPG或PNG图片，上传数量限制，1到6个"). The initiator names FileIds of images they
 * uploaded (UploadFiles); a signer names the images they uploaded on the signer page.
 */
public final class AttachmentValue {

    public static final int MAX_FILES = 6;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private AttachmentValue() {
    }

    /** The ids, in order; empty when the value is not a list of 1 to 6 distinct ids. */
    public static List<String> ids(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> ids = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        boolean wellFormed = ids.size() <= MAX_FILES && ids.stream().allMatch(id -> ID.matcher(id).matches())
                && ids.stream().distinct().count() == ids.size();
        return wellFormed ? ids : List.of();
    }

    static boolean suits(String value) {
        return !ids(value).isEmpty();
    }
}
