package io.signflow.document;

import java.util.List;

/**
 * Finds the widgets of the AcroForm field a control names. ESS names fields by their name in the
 * form; a field inside a hierarchy is found by its fully qualified name ({@code parent.child}) or, when
 * no field has that full name, by its own partial name.
 */
public final class FormFieldLocator {

    private FormFieldLocator() {
    }

    public static List<PageBox> find(PdfLayout layout, String name) {
        List<PageBox> byFullName = layout.widgets().stream().filter(w -> w.fullName().equals(name))
                .map(FormWidget::box).toList();
        if (!byFullName.isEmpty()) {
            return byFullName;
        }
        return layout.widgets().stream().filter(w -> name.equals(w.partialName())).map(FormWidget::box).toList();
    }
}
