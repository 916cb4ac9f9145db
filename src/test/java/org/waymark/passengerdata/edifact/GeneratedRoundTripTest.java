package org.waymark.passengerdata.edifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.waymark.passengerdata.generator.MessageGenerator;
import org.waymark.passengerdata.generator.MessageGenerator.Generated;

/** Every interchange the generator writes reads back as the truth it wrote. */
class GeneratedRoundTripTest {

    private final EdifactReader reader = new EdifactReader();

    @Test
    void everyUndamagedInterchangeReadsBackAsWritten() {
        List<Generated> all = new MessageGenerator(42).flights(15, 60);
        assertThat(all).hasSize(15 * 7);
        for (Generated g : all) {
            ParsedInterchange read = reader.read(g.body());
            assertThat(read.warnings()).as(g.label()).isEmpty();
            assertThat(read).as(g.label()).isEqualTo(g.truth());
        }
    }

    @Test
    void theGeneratorIsDeterministicForASeed() {
        List<Generated> one = new MessageGenerator(7).flights(2, 20);
        List<Generated> two = new MessageGenerator(7).flights(2, 20);
        for (int i = 0; i < one.size(); i++) {
            assertThat(one.get(i).body()).isEqualTo(two.get(i).body());
        }
    }

    @Test
    void damagedMessagesAreReadWithWarningsOrFailAsLabelled() {
        for (Generated g : new MessageGenerator(3).damaged()) {
            if (g.readable()) {
                ParsedInterchange read = reader.read(g.body());
                if (g.damage() != MessageGenerator.Damage.ODD_SEPARATORS) {
                    assertThat(read.warnings()).as(g.label()).isNotEmpty();
                } else {
                    assertThat(read.warnings()).as(g.label()).isEmpty();
                }
                assertThat(read.manifests().get(0).flight()).as(g.label()).isEqualTo(g.flight());
                if (g.truth() != null) {
                    assertThat(read.manifests()).as(g.label()).isEqualTo(g.truth().manifests());
                }
            } else {
                assertThatThrownBy(() -> reader.read(g.body())).as(g.label())
                        .isInstanceOf(MalformedMessageException.class);
            }
        }
    }

    @Test
    void oneReaderServesSeveralThreadsAtOnce() throws Exception {
        List<Generated> all = new MessageGenerator(11).flights(4, 40);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Generated g : all) {
                    results.add(pool.submit(() -> reader.read(g.body()).equals(g.truth())));
                }
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
