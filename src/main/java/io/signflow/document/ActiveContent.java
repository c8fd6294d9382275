package io.signflow.document;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * Finds what a contract must not carry, because it would travel into the signed final PDF and act in
 * the reader's viewer: JavaScript, launching programs, references to other files, submitting or
 * importing form data, embedded files and XFA forms, and actions that run by themselves (/AA). Links
 * to websites and mail addresses (URI actions with http, https or mailto) are allowed: a contract may
 * name a website, and readers ask before following one. Besides the named places (catalog, pages,
 * annotations), every object of the file is looked at, so an action hidden in an outline item, a form
 * field or a chain of /Next actions is found too, and so is a stream whose data lives in another file.
 */
final class ActiveContent {

    private static final Set<String> REFUSED_ACTIONS = Set.of("JavaScript", "Launch", "GoToR", "GoToE", "ImportData",
            "SubmitForm", "RichMediaExecute", "Rendition", "Sound", "Movie");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final COSName URI = COSName.getPDFName("URI");
    private static final COSName JS = COSName.getPDFName("JS");
    /** Deep enough for any real document's nested direct objects; a deeper one is refused, not followed. */
    private static final int MAX_DEPTH = 64;

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
        String found = action(root.getDictionaryObject(COSName.OPEN_ACTION), "an opening action", 0);
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
                        : action(dictionary.getDictionaryObject(COSName.A), "a link action", 0);
                if (found != null) {
                    return found;
                }
            }
        }
        return found != null ? found : anywhere(document.getDocument());
    }

    /** An action and the actions after it (/Next: one action or an array of them). */
    private static String action(COSBase base, String where, int depth) {
        if (depth > MAX_DEPTH) {
            return where + " nested too deeply";
        }
        if (base instanceof COSObject reference) {
            return action(reference.getObject(), where, depth + 1);
        }
        if (base instanceof COSArray array) {
            for (COSBase element : array) {
                String found = action(element, where, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!(base instanceof COSDictionary dictionary)) {
            return null;
        }
        String refused = refusedAction(dictionary);
        if (refused != null) {
            return where + " " + refused;
        }
        return action(dictionary.getDictionaryObject(COSName.NEXT), where, depth + 1);
    }

    /** Why this dictionary is an action a contract may not carry, or null. */
    private static String refusedAction(COSDictionary dictionary) {
        String type = dictionary.getNameAsString(COSName.S);
        if (type != null && REFUSED_ACTIONS.contains(type)) {
            return "of type " + type;
        }
        if ("URI".equals(type)) {
            String target = dictionary.getString(URI);
            String scheme = target == null || target.indexOf(':') < 0 ? ""
                    : target.substring(0, target.indexOf(':')).trim().toLowerCase(Locale.ROOT);
            if (!LINK_SCHEMES.contains(scheme)) {
                return "to a " + (scheme.isEmpty() ? "relative or unnamed" : scheme + ":") + " address";
            }
        }
        return null;
    }

    /** Every object of the file, with the direct objects inside it; references are their own objects. */
    private static String anywhere(COSDocument file) throws IOException {
        for (COSObjectKey key : file.getXrefTable().keySet()) {
            COSObject object = file.getObjectFromPool(key);
            String found = inside(object.getObject(), 0);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String inside(COSBase base, int depth) {
        if (depth > MAX_DEPTH) {
            return "objects nested too deeply";
        }
        if (base instanceof COSArray array) {
            for (COSBase element : array) {
                String found = element instanceof COSObject ? null : inside(element, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!(base instanceof COSDictionary dictionary)) {
            return null;
        }
        if (dictionary instanceof COSStream && dictionary.containsKey(COSName.F)) {
            return "a stream whose data is in another file";
        }
        if (dictionary.containsKey(COSName.AA)) {
            return "actions that run by themselves";
        }
        if (dictionary.containsKey(JS)) {
            return "JavaScript";
        }
        String refused = refusedAction(dictionary);
        if (refused != null) {
            return "an action " + refused;
        }
        for (COSBase value : dictionary.getValues()) {
            String found = value instanceof COSObject ? null : inside(value, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
