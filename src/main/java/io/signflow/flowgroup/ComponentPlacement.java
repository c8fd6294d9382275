package io.signflow.flowgroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.document.DocumentService.UsableDocument;
import io.signflow.document.FormFieldLocator;
import io.signflow.document.KeywordLocator;
import io.signflow.document.PageBox;
import io.signflow.document.PageGeometry;
import io.signflow.document.PdfLayout;
import io.signflow.document.PdfLayouts;
import io.signflow.flowgroup.ComponentRules.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Turns a control into the NORMAL controls it stands for, once, when the contract is created, so
 * that everything after (validation, signing, the signer page, sealing) sees page and coordinates
 * only. GenerateMode as ESS defines it:
 * <ul>
 * <li>NORMAL (or none): the control as given.
 * <li>KEYWORD: ComponentId is a keyword of the file's text; one control per occurrence, or per
 * occurrence KeywordIndexes picks (0-based, counted as KeywordOrder says), on KeywordPage only when
 * given, set beside the keyword as RelativeLocation says, moved by OffsetX/OffsetY, of ComponentWidth
 * by ComponentHeight. A keyword that is not there is MissingParameter.KeyWord, unless ComponentExtra
 * says {@code "IgnoreKeywordError": 1}: then the control is left out.
 * <li>FIELD: ComponentName names a form field of the file; the control takes its widget's page and
 * rectangle.
 * </ul>
 */
@Component
class ComponentPlacement {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOCATIONS = List.of("MIDDLE", "BELOW", "RIGHT", "LOWERRIGHT", "UPPERRIGHT");

    private final PdfLayouts layouts;

    ComponentPlacement(PdfLayouts layouts) {
        this.layouts = layouts;
    }

    /** The file a sub-contract's controls are placed on; its layout is read only if a control needs it. */
    Placer on(UsableDocument file) {
        return new Placer(file.pages(), () -> layouts.of(file.file().id()));
    }

    static final class Placer {

        private final List<PageGeometry> pages;
        private final int pageCount;
        private final Supplier<PdfLayout> layout;

        Placer(List<PageGeometry> pages, Supplier<PdfLayout> layout) {
            this.pages = pages;
            this.pageCount = pages.size();
            this.layout = layout;
        }

        /** The controls {@code c} stands for, each placed and checked against its page ({@link ComponentRules}). */
        List<FlowGroupDraft.Component> check(String at, ComponentInfo c, Role role) {
            return place(at, c, role).stream().map(placed -> ComponentRules.check(at, placed, role, pages)).toList();
        }

        /** The NORMAL controls {@code c} stands for; none when its keyword is missing and may be. */
        List<ComponentInfo> place(String at, ComponentInfo c, Role role) {
            String mode = c.generateMode() == null || c.generateMode().isBlank() ? "NORMAL"
                    : c.generateMode().trim().toUpperCase(Locale.ROOT);
            return switch (mode) {
                case "NORMAL" -> List.of(normal(at, c));
                case "KEYWORD" -> keyword(at, c, role);
                case "FIELD" -> field(at, c);
                default -> throw new ApiException(ErrorCodes.NO_SUPPORT_COMPONENT_TYPE, at + ".GenerateMode " + mode
                        + " is not NORMAL, KEYWORD or FIELD.");
            };
        }

        private static ComponentInfo normal(String at, ComponentInfo c) {
            require(at, "ComponentPage", c.componentPage());
            require(at, "ComponentPosX", c.componentPosX());
            require(at, "ComponentPosY", c.componentPosY());
            requireSize(at, c);
            return c;
        }

        private List<ComponentInfo> keyword(String at, ComponentInfo c, Role role) {
            String keyword = c.componentId() == null ? "" : c.componentId().strip();
            if (KeywordLocator.searchedText(keyword).isEmpty()) {
                throw new ApiException(ErrorCodes.MISSING_KEYWORD, at + ".ComponentId: KEYWORD placement needs the "
                        + "keyword there.");
            }
            requireSize(at, c);
            String wrongCode = role == Role.SIGN ? ErrorCodes.SIGN_COMPONENTS : ErrorCodes.COMPONENT_VALUE;
            String order = c.keywordOrder() == null || c.keywordOrder().isBlank() ? "POSITIVE"
                    : c.keywordOrder().trim().toUpperCase(Locale.ROOT);
            if (!order.equals("POSITIVE") && !order.equals("REVERSE")) {
                throw new ApiException(wrongCode, at + ".KeywordOrder must be Positive or Reverse.");
            }
            String location = c.relativeLocation() == null || c.relativeLocation().isBlank() ? "MIDDLE"
                    : c.relativeLocation().trim().toUpperCase(Locale.ROOT);
            if (!LOCATIONS.contains(location)) {
                throw new ApiException(wrongCode, at + ".RelativeLocation must be Middle, Below, Right, LowerRight "
                        + "or UpperRight.");
            }
            int page = c.keywordPage() == null || c.keywordPage() == 0 ? 0
                    : ComponentRules.resolvePage(at + ".KeywordPage", c.keywordPage(), pageCount);
            List<PageBox> found = new ArrayList<>(KeywordLocator.find(layout.get(), keyword, page));
            if (order.equals("REVERSE")) {
                Collections.reverse(found);
            }
            boolean ignoreMissing = ignoresKeywordError(c.componentExtra());
            List<PageBox> chosen = new ArrayList<>();
            if (c.keywordIndexes() == null || c.keywordIndexes().isEmpty()) {
                chosen.addAll(found);
            } else {
                for (Long index : c.keywordIndexes().stream().distinct().toList()) {
                    if (index == null || index < 0) {
                        throw new ApiException(wrongCode, at + ".KeywordIndexes count occurrences from 0.");
                    }
                    if (index < found.size()) {
                        chosen.add(found.get(index.intValue()));
                    } else if (!ignoreMissing) {
                        throw missingKeyword(at, keyword, page, found.size() + " time" + (found.size() == 1 ? ""
                                : "s") + "; KeywordIndexes asks for occurrence " + index + ", counted from 0");
                    }
                }
            }
            if (chosen.isEmpty() && !ignoreMissing) {
                throw missingKeyword(at, keyword, page, "0 times");
            }
            double width = c.componentWidth();
            double height = c.componentHeight();
            double offsetX = c.offsetX() == null ? 0 : c.offsetX();
            double offsetY = c.offsetY() == null ? 0 : c.offsetY();
            return chosen.stream().map(k -> c.placedAt(beside(k, location, width, height, offsetX, offsetY), null))
                    .toList();
        }

        private static ApiException missingKeyword(String at, String keyword, int page, String times) {
            return new ApiException(ErrorCodes.MISSING_KEYWORD, at + ": the keyword \"" + keyword + "\" occurs "
                    + (page == 0 ? "in the file's text " : "on page " + page + " ") + times + ".");
        }

        /**
         * The control's box beside the keyword's. ESS's words: Middle puts the control's centre on the
         * keyword's centre; Below right under it, centred; Right right of it, centred on its line;
         * LowerRight from its lower-right corner down; UpperRight from its upper-right corner up.
         */
        static PageBox beside(PageBox k, String location, double width, double height, double offsetX,
                              double offsetY) {
            double centreX = k.x() + k.width() / 2;
            double centreY = k.y() + k.height() / 2;
            double right = k.x() + k.width();
            double bottom = k.y() + k.height();
            double x = switch (location) {
                case "MIDDLE", "BELOW" -> centreX - width / 2;
                default -> right;
            };
            double y = switch (location) {
                case "MIDDLE", "RIGHT" -> centreY - height / 2;
                case "UPPERRIGHT" -> k.y() - height;
                default -> bottom;
            };
            return new PageBox(k.page(), x + offsetX, y + offsetY, width, height);
        }

        private List<ComponentInfo> field(String at, ComponentInfo c) {
            String name = c.componentName() == null ? "" : c.componentName().strip();
            if (name.isEmpty()) {
                throw new ApiException(ErrorCodes.MISSING_FIELD, at + ".ComponentName: FIELD placement needs the "
                        + "name of a form field there.");
            }
            List<PageBox> widgets = FormFieldLocator.find(layout.get(), name);
            if (widgets.isEmpty()) {
                throw new ApiException(ErrorCodes.MISSING_FIELD, at + ": the file has no form field named \"" + name
                        + "\".");
            }
            return widgets.stream().map(w -> c.placedAt(w, c.componentId())).toList();
        }

        private static void requireSize(String at, ComponentInfo c) {
            require(at, "ComponentWidth", c.componentWidth());
            require(at, "ComponentHeight", c.componentHeight());
        }

        private static void require(String at, String field, Object value) {
            if (value == null) {
                throw new ApiException(ErrorCodes.MISSING_PARAMETER, "The parameter " + at + "." + field
                        + " is required.");
            }
        }

        private static boolean ignoresKeywordError(String extra) {
            if (extra == null || extra.isBlank()) {
                return false;
            }
            try {
                JsonNode flag = JSON.readTree(extra).path("IgnoreKeywordError");
                return flag.asInt(0) == 1 || flag.asBoolean(false);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return false; // ComponentRules refuses the malformed ComponentExtra itself
            }
        }
    }
}
