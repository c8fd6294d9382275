package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.document.KeywordLocator;
import io.signflow.document.PageBox;
import io.signflow.document.PageGeometry;
import io.signflow.document.PdfLayout;
import io.signflow.document.TestLayouts;
import io.signflow.flowgroup.ComponentRules.Role;
import io.signflow.support.TestPdfs;
import io.signflow.support.TestPdfs.Field;
import io.signflow.support.TestPdfs.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KEYWORD and FIELD controls become NORMAL controls where ESS would put them, or are refused with its codes. */
class ComponentPlacementTest {

    private static final List<PageGeometry> PAGES = List.of(new PageGeometry(1, 595.28, 841.89, 0, 0, 0),
            new PageGeometry(2, 595.28, 841.89, 0, 0, 0));
    /** "甲方" three times: page 1 at the top, page 2 twice. */
    private static final PdfLayout LAYOUT = TestLayouts.of(TestPdfs.withForm(2,
            List.of(new Text(1, 100, 100, 12, "甲方"), new Text(2, 100, 300, 12, "甲方"),
                    new Text(2, 100, 500, 12, "甲方")),
            new Field("sign_here", 2, 300, 650, 160, 90, true)));
    private static final ComponentPlacement.Placer PLACER = new ComponentPlacement.Placer(PAGES, () -> LAYOUT);

    private static ComponentInfo keyword(String keyword, String order, Long page, List<Long> indexes, String location,
                                         String extra) {
        return new ComponentInfo("SIGN_SEAL", 60.0, 80.0, null, null, null, 0L, "KEYWORD", keyword, null, null, null,
                extra, null, null, 0.0, 0.0, order, page, location, indexes, null, null, null, null, null);
    }

    private static ComponentInfo field(String name) {
        return new ComponentInfo("SIGN_SIGNATURE", null, null, null, null, null, 0L, "FIELD", null, name, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void everyOccurrenceGetsAControlUnlessIndexesPickSome() {
        assertThat(PLACER.place("c", keyword("甲方", null, null, null, null, null), Role.SIGN))
                .extracting(ComponentInfo::componentPage).containsExactly(1L, 2L, 2L);
        assertThat(PLACER.place("c", keyword("甲方", null, null, List.of(0L, 2L), null, null), Role.SIGN))
                .extracting(ComponentInfo::componentPage, c -> Math.round(c.componentPosY() + 30))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, Math.round(centreY(0))),
                        org.assertj.core.groups.Tuple.tuple(2L, Math.round(centreY(2))));
    }

    @Test
    void reverseOrderCountsFromTheLastOccurrenceAndAPageRestrictsTheSearch() {
        ComponentInfo last = PLACER.place("c", keyword("甲方", "Reverse", null, List.of(0L), null, null), Role.SIGN)
                .get(0);
        assertThat(last.componentPage()).isEqualTo(2);
        assertThat(last.componentPosY() + 30).isCloseTo(centreY(2), within(0.01));

        List<ComponentInfo> onPageTwo = PLACER.place("c", keyword("甲方", "Positive", 2L, List.of(0L), null, null),
                Role.SIGN);
        assertThat(onPageTwo).singleElement().satisfies(c -> assertThat(c.componentPosY() + 30)
                .isCloseTo(centreY(1), within(0.01)));
        assertThat(PLACER.place("c", keyword("甲方", null, -1L, null, null, null), Role.SIGN)).hasSize(2);
        assertThatThrownBy(() -> PLACER.place("c", keyword("甲方", null, 3L, null, null, null), Role.SIGN))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.COMPONENT_PAGE));
    }

    @Test
    void theControlSitsBesideTheKeywordAsRelativeLocationSaysMovedByTheOffsets() {
        PageBox k = new PageBox(1, 100, 200, 40, 10);
        assertThat(ComponentPlacement.Placer.beside(k, "MIDDLE", 80, 60, 0, 0)).isEqualTo(new PageBox(1, 80, 175, 80, 60));
        assertThat(ComponentPlacement.Placer.beside(k, "BELOW", 80, 60, 0, 0)).isEqualTo(new PageBox(1, 80, 210, 80, 60));
        assertThat(ComponentPlacement.Placer.beside(k, "RIGHT", 80, 60, 0, 0)).isEqualTo(new PageBox(1, 140, 175, 80, 60));
        assertThat(ComponentPlacement.Placer.beside(k, "LOWERRIGHT", 80, 60, 0, 0))
                .isEqualTo(new PageBox(1, 140, 210, 80, 60));
        assertThat(ComponentPlacement.Placer.beside(k, "UPPERRIGHT", 80, 60, 5, -3))
                .isEqualTo(new PageBox(1, 145, 137, 80, 60));
    }

    @Test
    void aMissingKeywordIsRefusedUnlessTheRequestIgnoresIt() {
        assertThatThrownBy(() -> PLACER.place("c", keyword("乙方", null, null, null, null, null), Role.SIGN))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.MISSING_KEYWORD));
        assertThatThrownBy(() -> PLACER.place("c", keyword("甲方", null, null, List.of(3L), null, null), Role.SIGN))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.MISSING_KEYWORD));
        assertThat(PLACER.place("c", keyword("乙方", null, null, null, null, "{\"IgnoreKeywordError\":1}"), Role.SIGN))
                .isEmpty();
        assertThat(PLACER.place("c", keyword("甲方", null, null, List.of(1L, 7L), null, "{\"IgnoreKeywordError\":1}"),
                Role.SIGN)).hasSize(1);
    }

    @Test
    void badOrderOrLocationIsRefusedWithTheControlsCode() {
        assertThatThrownBy(() -> PLACER.place("c", keyword("甲方", "Sideways", null, null, null, null), Role.SIGN))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.SIGN_COMPONENTS));
        assertThatThrownBy(() -> PLACER.place("c", keyword("甲方", null, null, null, "Above", null), Role.INITIATOR_FILL))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.COMPONENT_VALUE));
    }

    @Test
    void aFieldControlTakesTheFieldsPageAndRectangle() {
        assertThat(PLACER.place("c", field("sign_here"), Role.SIGN)).singleElement().satisfies(c -> {
            assertThat(c.generateMode()).isEqualTo("NORMAL");
            assertThat(c.componentPage()).isEqualTo(2);
            assertThat(c.componentPosX()).isCloseTo(300, within(0.5));
            assertThat(c.componentPosY()).isCloseTo(650, within(0.5));
            assertThat(c.componentWidth()).isCloseTo(160, within(0.5));
            assertThat(c.componentHeight()).isCloseTo(90, within(0.5));
        });
        assertThatThrownBy(() -> PLACER.place("c", field("nowhere"), Role.SIGN))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.MISSING_FIELD));
    }

    @Test
    void anUnknownModeIsNotOffered() {
        ComponentInfo c = new ComponentInfo("SIGN_SEAL", 60.0, 80.0, 1L, 10.0, 10.0, 0L, "TEMPLATE", null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> PLACER.place("c", c, Role.SIGN)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.NO_SUPPORT_COMPONENT_TYPE));
    }

    /** The vertical centre of the n-th "甲方" as the locator sees it. */
    private static double centreY(int n) {
        PageBox box = KeywordLocator.find(LAYOUT, "甲方", 0).get(n);
        return box.y() + box.height() / 2;
    }
}
