package io.signflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signflow.support.TestPdfs;
import io.signflow.support.TestPdfs.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keywords found in text layers drawn with an embedded CJK font, where a reader sees them. */
class KeywordLocatorTest {

    private static final float SIZE = 12;

    @Test
    void aChineseKeywordIsFoundWithinAPointOfWhereItWasDrawn() {
        PdfLayout layout = TestLayouts.of(TestPdfs.withText(1, new Text(1, 100, 200, SIZE, "本合同由甲方签署")));

        List<PageBox> found = KeywordLocator.find(layout, "甲方签署", 0);

        assertThat(found).hasSize(1);
        PageBox box = found.get(0);
        float left = 100 + TestPdfs.width("本合同由", SIZE);
        assertThat(box.page()).isEqualTo(1);
        assertThat(box.x()).isCloseTo(left, within(1.0));
        assertThat(box.x() + box.width()).isCloseTo(left + TestPdfs.width("甲方签署", SIZE), within(1.0));
        // the box spans the glyphs: from about a font size above the baseline (at 200) to a little below it
        assertThat(box.y()).isBetween(200.0 - 1.1 * SIZE, 200.0 - 0.7 * SIZE);
        assertThat(box.y() + box.height()).isBetween(200.0, 200.0 + 0.35 * SIZE);
    }

    @Test
    void aKeywordDrawnInSeveralTextObjectsIsOneMatch() {
        PdfLayout layout = TestLayouts.of(TestPdfs.withText(1, new Text(1, 80, 300, SIZE, "甲方", "签", "署（盖章）")));

        List<PageBox> found = KeywordLocator.find(layout, "甲方签署", 0);

        assertThat(found).singleElement().satisfies(box -> {
            assertThat(box.x()).isCloseTo(80, within(1.0));
            assertThat(box.width()).isCloseTo(TestPdfs.width("甲方签署", SIZE), within(1.0));
        });
    }

    @Test
    void aKeywordAcrossALineBreakIsNotFound() {
        PdfLayout layout = TestLayouts.of(TestPdfs.withText(1, new Text(1, 100, 400, SIZE, "乙方签"),
                new Text(1, 100, 420, SIZE, "署")));

        assertThat(KeywordLocator.find(layout, "乙方签署", 0)).isEmpty();
        assertThat(KeywordLocator.find(layout, "乙方签", 0)).hasSize(1);
        assertThat(KeywordLocator.find(layout, "署", 0)).singleElement()
                .satisfies(box -> assertThat(box.y() + box.height()).isBetween(420.0, 425.0));
    }

    @Test
    void occurrencesComeInReadingOrderAndAPageRestrictsThem() {
        PdfLayout layout = TestLayouts.of(TestPdfs.withText(2, new Text(2, 300, 500, SIZE, "甲方"),
                new Text(2, 100, 300, SIZE, "甲方"), new Text(1, 100, 700, SIZE, "甲方")));

        assertThat(KeywordLocator.find(layout, "甲方", 0)).extracting(PageBox::page, b -> Math.round(b.x()))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 100L),
                        org.assertj.core.groups.Tuple.tuple(2, 100L), org.assertj.core.groups.Tuple.tuple(2, 300L));
        assertThat(KeywordLocator.find(layout, "甲方", 2)).extracting(PageBox::page).containsExactly(2, 2);
        assertThat(KeywordLocator.find(layout, "乙方", 0)).isEmpty();
    }

    @Test
    void caretsAskForAWholeWordOnTheirSide() {
        PdfLayout layout = TestLayouts.of(TestPdfs.withText(1, new Text(1, 100, 100, SIZE, "Party A signs"),
                new Text(1, 100, 200, SIZE, "Counterparty B")));

        assertThat(KeywordLocator.find(layout, "Party A", 0)).hasSize(1);
        assertThat(KeywordLocator.find(layout, "arty", 0)).hasSize(2);
        assertThat(KeywordLocator.find(layout, "^Party", 0)).hasSize(1);
        assertThat(KeywordLocator.find(layout, "party^", 0)).hasSize(1);
        assertThat(KeywordLocator.find(layout, "^party^", 0)).isEmpty();
        assertThat(KeywordLocator.find(layout, "^Counterparty B^", 0)).hasSize(1);
    }
}
