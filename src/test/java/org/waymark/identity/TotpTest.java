package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The codes of RFC 6238 and RFC 4226, and the Base32 of RFC 4648, so that every authenticator app agrees. */
class TotpTest {

    /** The SHA-1 key of the RFCs' test vectors. */
    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void makesTheCodesOfRfc6238() {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111111)), 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890)), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(2000000000)), 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
    }

    @Test
    void makesTheSixDigitCodesOfRfc4226WithLeadingZeros() {
        String[] expected = { "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489" };
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(RFC_KEY, counter)).isEqualTo(expected[counter]);
        }
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804")
                .hasSize(6);
    }

    @Test
    void acceptsTheStepBeforeAndAfterNowButNoFurther() {
        Instant now = Instant.parse("2026-09-16T12:00:10Z");
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now)).isEmpty();
    }

    @Test
    void refusesWhatIsNotASixDigitCode() {
        Instant now = Instant.parse("2026-09-16T12:00:10Z");
        String code = Totp.code(RFC_KEY, Totp.step(now));

        assertThat(Totp.matchingStep(RFC_KEY, null, now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, code.substring(1), now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, code + "0", now)).isEmpty();
    }

    @Test
    void aStepLastsThirtySeconds() {
        assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
    }

    @Test
    void newSecretsAre160RandomBits() {
        byte[] one = Totp.newSecret();
        byte[] two = Totp.newSecret();

        assertThat(one).hasSize(20);
        assertThat(one).isNotEqualTo(two);
        assertThat(Base32.encode(one)).hasSize(32).matches("[A-Z2-7]+");
    }

    @Test
    void encodesAndDecodesBase32AsRfc4648WithoutPadding() {
        String[][] vectors = { { "", "" }, { "f", "MY" }, { "fo", "MZXQ" }, { "foo", "MZXW6" },
                { "foob", "MZXW6YQ" }, { "fooba", "MZXW6YTB" }, { "foobar", "MZXW6YTBOI" } };
        for (String[] vector : vectors) {
            assertThat(Base32.encode(vector[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(vector[1]);
            assertThat(new String(Base32.decode(vector[1]), StandardCharsets.US_ASCII)).isEqualTo(vector[0]);
        }
        assertThat(Base32.encode(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_KEY);
        assertThatThrownBy(() -> Base32.decode("GEZDGNB1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recoveryCodesAreTenDifferentCodesOfSixteenCharactersKeptOnlyAsDigests() {
        var codes = RecoveryCodes.generate();
        var user = org.waymark.shared.UserId.random();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){3}"));
        String code = codes.get(0);
        assertThat(RecoveryCodes.normalise(" " + code.toUpperCase().replace("-", " ") + " "))
                .isEqualTo(code.replace("-", ""));
        assertThat(RecoveryCodes.hash(user, RecoveryCodes.normalise(code))).hasSize(64).doesNotContain(code)
                .isNotEqualTo(RecoveryCodes.hash(org.waymark.shared.UserId.random(), RecoveryCodes.normalise(code)));
        assertThat(RecoveryCodes.normalise("123456")).isNull();
        assertThat(RecoveryCodes.normalise("abcd-efgh-ijkl-mnop")).as("i and l are not used").isNull();
        assertThat(RecoveryCodes.normalise(null)).isNull();
    }
}
