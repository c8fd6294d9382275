package io.signflow.sealing;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Decides whether what follows a signature's signed revision only adds long-term validation data: the
 * one change PAdES allows after a signature without calling the document altered. It holds when every
 * object written after the signed bytes is the catalog, part of its {@code /DSS}, or a cross-reference
 * stream, and the catalog is the signed revision's apart from {@code /DSS}. Anything else (a page, an
 * annotation, a changed form field) means the signature no longer covers what the file shows.
 */
final class ValidationDataUpdate {

    private ValidationDataUpdate() {
    }

    static boolean onlyAfter(PDDocument document, byte[] pdf, int signedLength) throws IOException {
        COSDocument cos = document.getDocument();
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        if (!(cos.getTrailer().getItem(COSName.ROOT) instanceof COSObject root)) {
            return false;
        }
        Set<COSObjectKey> allowed = new HashSet<>();
        allowed.add(root.getKey());
        collect(catalog.getItem(DocumentSecurityStore.DSS), allowed, new HashSet<>());
        Map<COSObjectKey, Long> offsets = cos.getXrefTable();
        for (Map.Entry<COSObjectKey, Long> entry : offsets.entrySet()) {
            if (written(entry.getValue(), offsets, signedLength) && !allowed.contains(entry.getKey())
                    && !crossReferenceStream(cos, entry.getKey())) {
                return false;
            }
        }
        try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(pdf, signedLength))) {
            return sameApartFromDss(signed.getDocumentCatalog().getCOSObject(), catalog);
        }
    }

    /** At or after the end of the signed bytes; a compressed object (negative offset) where its object stream is. */
    private static boolean written(Long offset, Map<COSObjectKey, Long> offsets, int signedLength) {
        if (offset == null) {
            return false;
        }
        if (offset < 0) {
            Long streamOffset = offsets.get(new COSObjectKey(-offset, 0));
            return streamOffset != null && streamOffset >= signedLength;
        }
        return offset >= signedLength;
    }

    private static boolean crossReferenceStream(COSDocument cos, COSObjectKey key) {
        COSObject object = cos.getObjectFromPool(key);
        return object != null && object.getObject() instanceof COSDictionary dictionary
                && COSName.XREF.equals(dictionary.getCOSName(COSName.TYPE));
    }

    private static void collect(COSBase base, Set<COSObjectKey> keys, Set<COSBase> seen) {
        if (base == null || !seen.add(base)) {
            return;
        }
        if (base instanceof COSObject object) {
            if (object.getKey() != null) {
                keys.add(object.getKey());
            }
            collect(object.getObject(), keys, seen);
        } else if (base instanceof COSDictionary dictionary) {
            dictionary.getValues().forEach(value -> collect(value, keys, seen));
        } else if (base instanceof COSArray array) {
            array.forEach(value -> collect(value, keys, seen));
        }
    }

    private static boolean sameApartFromDss(COSDictionary signed, COSDictionary now) {
        Set<COSName> names = new HashSet<>(now.keySet());
        names.remove(DocumentSecurityStore.DSS);
        return names.equals(signed.keySet())
                && names.stream().allMatch(name -> same(signed.getItem(name), now.getItem(name)));
    }

    /** Indirect objects by their number, direct ones by their content. */
    private static boolean same(COSBase a, COSBase b) {
        if (a instanceof COSObject x && b instanceof COSObject y) {
            return Objects.equals(x.getKey(), y.getKey());
        }
        if (a instanceof COSDictionary x && b instanceof COSDictionary y) {
            return x.keySet().equals(y.keySet())
                    && x.keySet().stream().allMatch(name -> same(x.getItem(name), y.getItem(name)));
        }
        if (a instanceof COSArray x && b instanceof COSArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
