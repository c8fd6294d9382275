package io.signflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signflow.support.TestPdfs;
import io.signflow.support.TestPdfs.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Form fields found by name, on the page whose annotations list them, at their rectangle. */
class FormFieldLocatorTest {

    private static final byte[] FORM = TestPdfs.withForm(2, List.of(),
            new Field("partyA", 1, 60, 120, 200, 24, false),
            new Field("partyB_sign", 2, 320, 600, 150, 80, true));

    @Test
    void aTextFieldIsAtItsRectangle() {
        List<PageBox> found = FormFieldLocator.find(TestLayouts.of(FORM), "partyA");

        assertThat(found).singleElement().satisfies(box -> {
            assertThat(box.page()).isEqualTo(1);
            assertThat(box.x()).isCloseTo(60, within(0.5));
            assertThat(box.y()).isCloseTo(120, within(0.5));
            assertThat(box.width()).isCloseTo(200, within(0.5));
            assertThat(box.height()).isCloseTo(24, within(0.5));
        });
    }

    @Test
    void aSignatureFieldWithoutAPageEntryIsFoundOnThePageThatListsIt() {
        List<PageBox> found = FormFieldLocator.find(TestLayouts.of(FORM), "partyB_sign");

        assertThat(found).singleElement().satisfies(box -> {
            assertThat(box.page()).isEqualTo(2);
            assertThat(box.x()).isCloseTo(320, within(0.5));
            assertThat(box.y()).isCloseTo(600, within(0.5));
        });
    }

    @Test
    void anUnknownFieldIsNotFound() {
        assertThat(FormFieldLocator.find(TestLayouts.of(FORM), "partyC")).isEmpty();
        assertThat(FormFieldLocator.find(TestLayouts.of(TestPdfs.a4(1)), "partyA")).isEmpty();
    }
}
