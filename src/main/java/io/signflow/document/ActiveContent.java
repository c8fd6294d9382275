package io.signflow.document;

import java.io.IOException;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * Finds what a contract must not carry, because it would travel into the signed final PDF and act in
 * the reader's viewer: JavaScript, launching programs, references to other files, submitting or
 * importing form data, embedded files and XFA forms. Plain web links (URI actions) are allowed: a
 * contract may name a website, and readers ask before following one.
 */
final class ActiveContent {

    private static final Set<String> REFUSED_ACTIONS = Set.of("JavaScript", "Launch", "GoToR", "GoToE", "ImportData",
            "SubmitForm", "RichMediaExecute", "Rendition");

    private ActiveContent() {
    }

    /** What was found, for the refusal message; null when the document is inert. */
    static String find(PDDocument document) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary names = catalog.getNames();
        if (names != null && names.getJavaScript() != null) {
            return "document JavaScript";
        }
        if (names != null && names.getEmbeddedFiles() != null) {
            return "embedded files";
        }
        if (catalog.getAcroForm(null) != null && catalog.getAcroForm(null).getXFA() != null) {
            return "an XFA form";
        }
        COSDictionary root = catalog.getCOSObject();
        String found = action(root.getDictionaryObject(COSName.OPEN_ACTION), "an opening action");
        if (found == null && root.containsKey(COSName.AA)) {
            found = "document actions";
        }
        for (PDPage page : document.getPages()) {
            if (found != null) {
                return found;
            }
            if (page.getCOSObject().containsKey(COSName.AA)) {
                return "page actions";
            }
            for (PDAnnotation annotation : page.getAnnotations()) {
                COSDictionary dictionary = annotation.getCOSObject();
                found = dictionary.containsKey(COSName.AA) ? "annotation actions"
                        : action(dictionary.getDictionaryObject(COSName.A), "a link action");
                if (found != null) {
                    return found;
                }
            }
        }
        return found;
    }

    /** An action and the chain of actions after it (/Next). */
    private static String action(COSBase base, String where) {
        int depth = 0;
        while (base instanceof COSDictionary dictionary && depth++ < 32) {
            String type = dictionary.getNameAsString(COSName.S);
            if (type != null && REFUSED_ACTIONS.contains(type)) {
                return where + " of type " + type;
            }
            base = dictionary.getDictionaryObject(COSName.NEXT);
        }
        return null;
    }
}
