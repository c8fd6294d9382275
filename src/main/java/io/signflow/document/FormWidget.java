package io.signflow.document;

/** Where one widget of an AcroForm field sits: the field's fully qualified and partial names, and its box. */
public record FormWidget(String fullName, String partialName, PageBox box) {
}
