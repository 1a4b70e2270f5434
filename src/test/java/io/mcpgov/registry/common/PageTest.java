package io.mcpgov.registry.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aRowBeyondTheSizeMeansANextPageWhoseCursorNamesTheLastItemKept() {
        Page<Integer> page = Page.of(List.of(1, 2, 3), 2, String::valueOf);

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.nextCursor()).isEqualTo("2");
        assertThat(page.metadata()).isEqualTo(new PageMetadata("2", 2));
    }

    @Test
    void noRowBeyondTheSizeIsTheLastPage() {
        assertThat(Page.of(List.of(1, 2), 2, String::valueOf)).isEqualTo(new Page<>(List.of(1, 2), null));
        assertThat(Page.of(List.of(), 2, String::valueOf).metadata()).isEqualTo(new PageMetadata(null, 0));
    }

    @Test
    void mappingKeepsTheCursor() {
        Page<String> page = Page.of(new ArrayList<>(List.of(1, 2, 3)), 1, String::valueOf).map(i -> "#" + i);

        assertThat(page).isEqualTo(new Page<>(List.of("#1"), "1"));
    }

    @Test
    void pageSizesReadTheLimitWithinTheirBounds() {
        List<Violation> errors = new ArrayList<>();
        assertThat(PageSize.OFFICIAL.read(null, errors)).isEqualTo(30);
        assertThat(PageSize.REGISTRY.read(null, errors)).isEqualTo(100);
        assertThat(PageSize.OFFICIAL.read("100", errors)).isEqualTo(100);
        assertThat(PageSize.REGISTRY.read("1000", errors)).isEqualTo(1000);
        assertThat(errors).isEmpty();

        PageSize.OFFICIAL.read("101", errors);
        PageSize.REGISTRY.read("0", errors);
        assertThat(errors).extracting(Violation::path).containsExactly("/limit", "/limit");
    }
}
