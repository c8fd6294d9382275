package io.signflow.document;

import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;

/**
 * Reads where each AcroForm field's widgets sit. A widget's page is the page whose annotations list
 * it; its /P entry is only a hint that writers often leave out or get wrong, so it is used only for a
 * widget no page lists.
 */
final class FormWidgetReader {

    private FormWidgetReader() {
    }

    static List<FormWidget> read(PDDocument document) throws java.io.IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return List.of();
        }
        Map<COSDictionary, Integer> pageOfWidget = new IdentityHashMap<>();
        int number = 1;
        for (PDPage page : document.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                pageOfWidget.putIfAbsent(annotation.getCOSObject(), number);
            }
            number++;
        }
        List<FormWidget> widgets = new ArrayList<>();
        for (PDField field : form.getFieldTree()) {
            if (!(field instanceof PDTerminalField terminal)) {
                continue;
            }
            for (PDAnnotationWidget widget : terminal.getWidgets()) {
                Integer page = pageOfWidget.get(widget.getCOSObject());
                if (page == null && widget.getPage() != null) {
                    int index = document.getPages().indexOf(widget.getPage());
                    page = index < 0 ? null : index + 1;
                }
                PDRectangle rect = widget.getRectangle();
                if (page != null && rect != null) {
                    PageGeometry geometry = PdfInspector.geometry(page, document.getPage(page - 1));
                    widgets.add(new FormWidget(field.getFullyQualifiedName(), field.getPartialName(),
                            visibleBox(geometry, rect)));
                }
            }
        }
        return widgets;
    }

    /** The rectangle, given in user space, as a box in the page as a reader sees it. */
    private static PageBox visibleBox(PageGeometry page, PDRectangle rect) {
        try {
            var userToVisible = page.visibleToUser().createInverse();
            Point2D a = userToVisible.transform(new Point2D.Double(rect.getLowerLeftX(), rect.getLowerLeftY()), null);
            Point2D b = userToVisible.transform(new Point2D.Double(rect.getUpperRightX(), rect.getUpperRightY()), null);
            double x = Math.min(a.getX(), b.getX());
            double y = Math.min(a.getY(), b.getY());
            return new PageBox(page.pageNo(), x, y, Math.abs(a.getX() - b.getX()), Math.abs(a.getY() - b.getY()));
        } catch (NoninvertibleTransformException e) {
            throw new IllegalStateException("a page rotation is always invertible", e);
        }
    }
}
