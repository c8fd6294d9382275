package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void idsAreThirtyTwoCharactersOfTheAlphabetAndRecognisedAsIds() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = Ids.next();
            assertThat(id).hasSize(Ids.LENGTH).matches("[0-9A-Za-z]{32}");
            assertThat(Ids.looksLikeId(id)).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(1_000);
    }

    @Test
    void everyCharacterIsEquallyLikelyAtEveryPosition() {
        int ids = 31_000;
        int[][] counts = new int[Ids.LENGTH][ALPHABET.length()];
        for (int i = 0; i < ids; i++) {
            String id = Ids.next();
            for (int position = 0; position < Ids.LENGTH; position++) {
                counts[position][ALPHABET.indexOf(id.charAt(position))]++;
            }
        }
        // 500 expected per character and position; a standard deviation of about 22, so ±25 % is
        // more than five of them, while a character drawn twice as often (a modulo bias) is +100 %
        for (int position = 0; position < Ids.LENGTH; position++) {
            for (int character = 0; character < ALPHABET.length(); character++) {
                assertThat(counts[position][character]).as("'%s' at %d", ALPHABET.charAt(character), position)
                        .isBetween(375, 625);
            }
        }
    }
}
