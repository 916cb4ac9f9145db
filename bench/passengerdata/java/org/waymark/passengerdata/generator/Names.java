package org.waymark.passengerdata.generator;

import java.util.List;
import java.util.Random;

/**
 * Names of the focus countries: each in its own script (as an airline with a local reservation
 * system may send it) and the Latin spellings seen in passports and bookings.
 */
public final class Names {

    /** A name: native family and given names, and the Latin spellings of each (first is the passport's). */
    public record Name(String family, String given, List<String> latinFamily, List<String> latinGiven, char gender) {
    }

    /** A country: ISO alpha-3, its airports, its carriers, its phone prefix, its names. */
    record Country(String code, List<String> airports, List<String> carriers, String phone, List<Name> names) {
    }

    private static Name n(String family, String given, String latinFamily, String latinGiven, char gender) {
        return new Name(family, given, List.of(latinFamily.split("\\|")), List.of(latinGiven.split("\\|")), gender);
    }

    static final Country BULGARIA = new Country("BGR", List.of("SOF", "VAR", "BOJ"), List.of("W6", "FR"), "359",
            List.of(n("ИВАНОВА", "МАРИЯ", "IVANOVA|IVANOWA", "MARIYA|MARIA", 'F'),
                    n("ИВАНОВ", "ГЕОРГИ", "IVANOV|IVANOFF", "GEORGI|GEORGE", 'M'),
                    n("ПЕТРОВА", "ЕЛЕНА", "PETROVA|PETROWA", "ELENA", 'F'),
                    n("ДИМИТРОВ", "СТЕФАН", "DIMITROV|DIMITROW", "STEFAN", 'M'),
                    n("ГЕОРГИЕВА", "ДЕСИСЛАВА", "GEORGIEVA|GUEORGUIEVA", "DESISLAVA", 'F'),
                    n("НИКОЛОВ", "ХРИСТО", "NIKOLOV|NICOLOV", "HRISTO|CHRISTO", 'M'),
                    n("СТОЯНОВА", "ЙОРДАНКА", "STOYANOVA|STOJANOVA", "YORDANKA|JORDANKA", 'F'),
                    n("ТОДОРОВ", "ЖИВКО", "TODOROV", "ZHIVKO|JIVKO", 'M'),
                    n("ЦВЕТКОВА", "ЩЕРЯНА", "TSVETKOVA|CVETKOVA", "SHTERYANA", 'F')));

    static final Country MOLDOVA = new Country("MDA", List.of("KIV", "RMO"), List.of("H4", "W6", "FR"), "373",
            List.of(n("RUSU", "ION", "RUSU", "ION", 'M'),
                    n("CIOBANU", "ANA", "CIOBANU", "ANA", 'F'),
                    n("MUNTEANU", "ŞTEFAN", "MUNTEANU", "STEFAN|SHTEFAN", 'M'),
                    n("СМИРНОВ", "АНДРЕЙ", "SMIRNOV|SMIRNOW", "ANDREI|ANDREY", 'M'),
                    n("КУЗНЕЦОВА", "ОЛЬГА", "KUZNETSOVA|KUZNECOVA", "OLGA", 'F'),
                    n("ШЕВЧЕНКО", "ОЛЕНА", "SHEVCHENKO|SEVCENCO", "OLENA|ELENA", 'F'),
                    n("КОВАЛЬЧУК", "АНДРІЙ", "KOVALCHUK|COVALCIUC", "ANDRII|ANDRIY", 'M'),
                    n("BĂLAN", "TATIANA", "BALAN", "TATIANA|TATYANA", 'F')));

    static final Country TURKEY = new Country("TUR", List.of("IST", "SAW", "ADB"), List.of("TK", "PC"), "90",
            List.of(n("ŞAHİN", "AYŞE", "SAHIN", "AYSE", 'F'),
                    n("YILMAZ", "MEHMET", "YILMAZ", "MEHMET", 'M'),
                    n("ÖZTÜRK", "EMRE", "OZTURK|OEZTUERK", "EMRE", 'M'),
                    n("ÇELİK", "ZEYNEP", "CELIK", "ZEYNEP", 'F'),
                    n("DOĞAN", "ELİF", "DOGAN", "ELIF", 'F'),
                    n("KAYA", "MUSTAFA", "KAYA", "MUSTAFA", 'M'),
                    n("AYDIN", "BÜŞRA", "AYDIN", "BUSRA", 'F')));

    static final Country ROMANIA = new Country("ROU", List.of("OTP", "CLJ", "IAS"), List.of("W6", "RO", "0B"), "40",
            List.of(n("POPESCU", "IOANA", "POPESCU", "IOANA", 'F'),
                    n("ȘTEFĂNESCU", "ANDREI", "STEFANESCU", "ANDREI", 'M'),
                    n("DUMITRESCU", "MIHAI", "DUMITRESCU", "MIHAI", 'M'),
                    n("ȚURCANU", "ALEXANDRA", "TURCANU", "ALEXANDRA", 'F'),
                    n("CONSTANTIN", "GHEORGHE", "CONSTANTIN", "GHEORGHE|GEORGE", 'M'),
                    n("IONESCU", "ELENA-CRISTINA", "IONESCU", "ELENA-CRISTINA|ELENA CRISTINA", 'F'),
                    n("RĂDULESCU", "ȘERBAN", "RADULESCU", "SERBAN", 'M')));

    static final Country ALBANIA = new Country("ALB", List.of("TIA"), List.of("W6", "FR"), "355",
            List.of(n("HOXHA", "ELIRA", "HOXHA", "ELIRA", 'F'),
                    n("ÇELA", "ARBËR", "CELA", "ARBER", 'M'),
                    n("SHEHU", "DRITAN", "SHEHU", "DRITAN", 'M'),
                    n("GJOKA", "ANXHELA", "GJOKA", "ANXHELA", 'F'),
                    n("KRASNIQI", "BLERTA", "KRASNIQI", "BLERTA", 'F'),
                    n("LLESHI", "ERMAL", "LLESHI", "ERMAL", 'M')));

    /** Travellers from elsewhere on the same flights, some with characters that need escaping. */
    static final List<Name> OTHERS = List.of(n("SMITH", "JOHN", "SMITH", "JOHN", 'M'),
            n("O'BRIEN", "SIOBHAN", "O'BRIEN|OBRIEN", "SIOBHAN", 'F'),
            n("PATEL", "PRIYA", "PATEL", "PRIYA", 'F'),
            n("JONES", "DAVID", "JONES", "DAVID", 'M'),
            n("NOWAK", "KATARZYNA", "NOWAK", "KATARZYNA", 'F'));

    static final List<Country> COUNTRIES = List.of(BULGARIA, MOLDOVA, TURKEY, ROMANIA, ALBANIA);

    /** Every name the generator gives travellers, for benchmarks that need the same people. */
    public static List<Name> all() {
        List<Name> all = new java.util.ArrayList<>();
        COUNTRIES.forEach(country -> all.addAll(country.names()));
        all.addAll(OTHERS);
        return List.copyOf(all);
    }

    static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private Names() {
    }
}
