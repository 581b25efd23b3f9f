package io.activeedge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.Tag;

class TagsTest {

    @Test
    void toMap_tagsAsListed_keepsTheirOrderAndTheLastOfAKey() {
        List<Tag> listed = List.of(tag("Name", "shop"), tag(Tags.APP, "old"), tag(Tags.REGION, "global"),
                tag(Tags.APP, "shop"));

        Map<String, String> tags = Tags.toMap(listed, Tag::key, Tag::value);

        assertThat(tags).containsExactly(Map.entry("Name", "shop"), Map.entry(Tags.APP, "shop"),
                Map.entry(Tags.REGION, "global"));
    }

    @Test
    void toMap_tagWithoutValue_mapsToEmptyString() {
        Map<String, String> tags = Tags.toMap(List.of(Tag.builder().key("team").build()), Tag::key, Tag::value);

        assertThat(tags).containsExactly(Map.entry("team", ""));
    }

    @Test
    void toMap_noTagList_isEmptyAndModifiable() {
        Map<String, String> tags = Tags.toMap(null, Tag::key, Tag::value);
        tags.put(Tags.APP, "shop");

        assertThat(tags).containsExactly(Map.entry(Tags.APP, "shop"));
    }

    @Test
    void toList_map_buildsOneTagAnEntryInTheMapsOrder() {
        Map<String, String> tags = new LinkedHashMap<>(Tags.of(Map.of("team", "payments"), "shop", "global",
                Tags.ROLE_DISTRIBUTION));

        List<Tag> listed = Tags.toList(tags, (key, value) -> Tag.builder().key(key).value(value).build());

        assertThat(listed).containsExactly(tag("team", "payments"), tag(Tags.APP, "shop"),
                tag(Tags.REGION, "global"), tag(Tags.ROLE, Tags.ROLE_DISTRIBUTION));
        assertThat(Tags.toMap(listed, Tag::key, Tag::value)).isEqualTo(tags);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
