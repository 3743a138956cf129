package io.pagelens.analysis.variant;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MutationsTest {
    private static JsonNode json(String s) throws Exception {
        return Jackson.MAPPER.readTree(s.replace('\'', '"'));
    }

    private static List<Mutation> parse(String s) throws Exception {
        return Mutations.parse(json(s), "mutations");
    }

    @Test
    void everyAction_parses_andValuesAreNormalised() throws Exception {
        List<Mutation> ms = parse("""
                [{'selector':'h1','action':'setText','value':'Hi'},
                 {'selector':'.x','action':'setHtml','value':'<b>b</b>'},
                 {'selector':'img','action':'setAttribute','value':{'name':'src','value':'/b.png'}},
                 {'selector':'a','action':'addClass','value':'big  red'},
                 {'selector':'a','action':'removeClass','value':'old'},
                 {'selector':'.cta','action':'setStyle','value':{'background-color':'#E8743B','padding':'12px'}},
                 {'selector':'.cta','action':'setStyle','value':'color: #fff'},
                 {'selector':'.ad','action':'hide'},
                 {'selector':'.promo','action':'remove'},
                 {'selector':'h1','action':'insertBefore','value':'<p>before</p>'},
                 {'selector':'h1','action':'insertAfter','value':'<p>after</p>'},
                 {'action':'injectCss','value':'body{margin:0}'}]""");
        assertThat(ms).hasSize(12);
        assertThat(ms.get(2)).isEqualTo(Mutation.attribute("img", "src", "/b.png"));
        assertThat(ms.get(3).value()).isEqualTo("big  red");
        assertThat(ms.get(5).value()).isEqualTo("background-color: #E8743B; padding: 12px");
        assertThat(ms.get(7).value()).isNull();
        assertThat(ms.get(11).selector()).isNull();
        assertThat(ms.get(11).action()).isEqualTo(MutationAction.INJECT_CSS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[{'selector':'h1','action':'explode'}]                              | mutations[0].action",
            "[{'selector':'h1'}]                                                 | mutations[0].action",
            "[{'action':'setText','value':'x'}]                                  | mutations[0].selector",
            "[{'selector':'h1','action':'setText','value':'a'},{'selector':'h1','action':'setText'}] | mutations[1].value",
            "[{'selector':'h1','action':'hide','value':'x'}]                     | mutations[0].value",
            "[{'selector':'h1','action':'injectCss','value':'x'}]                | mutations[0].selector",
            "[{'selector':'a','action':'setAttribute','value':{'name':'onclick','value':'x()'}}] | mutations[0].value.name",
            "[{'selector':'a','action':'setAttribute','value':{'name':'href','value':'javascript:x()'}}] | mutations[0].value.value",
            "[{'selector':'a','action':'setAttribute','value':'href'}]           | mutations[0].value",
            "[{'selector':'a','action':'setStyle','value':{'color':{'a':1}}}]    | mutations[0].value.color",
            "[{'selector':'a','action':'addClass','value':'  '}]                 | mutations[0].value",
            "[{'selector':'a','action':'setText','value':'x','extra':1}]         | mutations[0].extra",
            "{'selector':'a'}                                                    | mutations",
    })
    void invalidMutation_namesTheField(String body, String field) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    @Test
    void limits_onCountAndSize() throws Exception {
        String one = "{'selector':'h1','action':'setText','value':'x'}";
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(Mutations.MAX_MUTATIONS + 1, one)) + "]";
        assertThatThrownBy(() -> parse(tooMany)).hasMessageStartingWith("mutations: at most 100");
        String big = "[{'selector':'h1','action':'setText','value':'" + "x".repeat(Mutations.MAX_VALUE_CHARS + 1) + "'}]";
        assertThatThrownBy(() -> parse(big)).hasMessageStartingWith("mutations[0].value: at most");
        String longSelector = "[{'selector':'" + "a".repeat(Mutations.MAX_SELECTOR_CHARS + 1) + "','action':'hide'}]";
        assertThatThrownBy(() -> parse(longSelector)).hasMessageStartingWith("mutations[0].selector: at most");
        String manyBig = "[" + String.join(",", java.util.Collections.nCopies(6,
                "{'selector':'h1','action':'setText','value':'" + "x".repeat(90_000) + "'}")) + "]";
        assertThatThrownBy(() -> parse(manyBig)).hasMessageStartingWith("mutations[5]: the mutations are over");
    }

    @Test
    void report_failOnMissingSelector_namesEveryMissingMutation() {
        MutationReport r = new MutationReport(List.of(new MutationResult(0, "h1", "setText", 1, List.of(), null),
                new MutationResult(1, ".gone", "hide", 0, List.of(), null), new MutationResult(2, "a[", "hide", 0, null, "invalid selector: x")));
        assertThat(r.missing()).extracting(MutationResult::index).containsExactly(1, 2);
        org.assertj.core.api.Assertions.assertThatCode(() -> r.check(false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> r.check(true)).isInstanceOf(MissingSelectorException.class)
                .hasMessageContaining("mutations[1].selector: '.gone' matched no element")
                .hasMessageContaining("mutations[2].selector: 'a[' invalid selector")
                .satisfies(e -> assertThat(((MissingSelectorException) e).field()).isEqualTo("mutations[1].selector"));
    }
}
