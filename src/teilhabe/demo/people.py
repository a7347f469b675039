"""Invented people for the demo: names per origin, streets per centre.

Small per-origin lists of common given names and surnames, so that the demo's families
look like the families a Kommunales Integrationszentrum registers (and the name search
has transliteration variants to find). Nothing here describes a real person.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """Where a demo family comes from: its language, nationality and names."""

    language: str
    nationality: str
    weight: int
    girls: tuple[str, ...]
    boys: tuple[str, ...]
    adults_f: tuple[str, ...]
    adults_m: tuple[str, ...]
    surnames: tuple[str, ...]
    also_speaks: tuple[str, ...] = ()


ORIGINS: tuple[Origin, ...] = (
    Origin(
        "uk",
        "UA",
        30,
        ("Sofiia", "Anastasiia", "Viktoriia", "Yelyzaveta", "Daryna", "Polina", "Zlata"),
        ("Maksym", "Artem", "Oleksandr", "Danylo", "Bohdan", "Mykyta", "Yehor"),
        ("Olena", "Iryna", "Tetiana", "Nataliia", "Oksana", "Yuliia"),
        ("Andrii", "Serhii", "Volodymyr", "Dmytro", "Ihor"),
        ("Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko"),
        ("ru", "en"),
    ),
    Origin(
        "ar",
        "SY",
        18,
        ("Lana", "Sham", "Rahaf", "Judy", "Maya", "Nour", "Hala"),
        ("Omar", "Ahmad", "Karam", "Yamen", "Mohammad", "Tareq", "Jad"),
        ("Rasha", "Ghada", "Hiba", "Lama", "Reem"),
        ("Khaled", "Bassam", "Fadi", "Samer", "Walid"),
        ("Al-Hassan", "Haddad", "Khalil", "Al-Ahmad", "Darwish", "Najjar", "Sabbagh"),
        ("ku", "en"),
    ),
    Origin(
        "fa",
        "AF",
        14,
        ("Mursal", "Parisa", "Mahsa", "Zahra", "Shabnam", "Farishta", "Marwa"),
        ("Ahmad", "Mustafa", "Sohail", "Farhad", "Jawid", "Elias", "Haris"),
        ("Fatima", "Nargis", "Soraya", "Laila", "Gulalai"),
        ("Nasir", "Habib", "Rahim", "Wahid", "Zabihullah"),
        ("Ahmadi", "Rahimi", "Hosseini", "Sultani", "Karimi", "Nazari", "Mohammadi"),
        ("ps", "ur"),
    ),
    Origin(
        "tr",
        "TR",
        10,
        ("Elif", "Zeynep", "Defne", "Ecrin", "Azra", "Eylül", "Nehir"),
        ("Yusuf", "Eymen", "Mustafa", "Kerem", "Emir", "Ömer", "Aras"),
        ("Ayşe", "Fatma", "Emine", "Hatice", "Sibel"),
        ("Mehmet", "Ahmet", "Hüseyin", "Murat", "Serkan"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk"),
        ("ku", "en"),
    ),
    Origin(
        "ro",
        "RO",
        9,
        ("Maria", "Ioana", "Andreea", "Elena", "Bianca", "Alexia", "Sara"),
        ("Andrei", "David", "Ștefan", "Luca", "Matei", "Gabriel", "Ionuț"),
        ("Mihaela", "Florentina", "Daniela", "Gabriela", "Roxana"),
        ("Ion", "Florin", "Marian", "Costel", "Adrian"),
        ("Popescu", "Ionescu", "Stan", "Dumitru", "Radu", "Lungu", "Stoica"),
        ("other", "it"),
    ),
    Origin(
        "bg",
        "BG",
        8,
        ("Aleksandra", "Viktoria", "Nikol", "Raya", "Gergana", "Aysel", "Emine"),
        ("Georgi", "Ivan", "Dimitar", "Martin", "Aleksandar", "Mehmed", "Emre"),
        ("Desislava", "Mariya", "Silviya", "Ayshe", "Tsvetelina"),
        ("Nikolay", "Stoyan", "Hristo", "Ahmed", "Petar"),
        ("Ivanov", "Georgiev", "Dimitrov", "Petrov", "Hasanov", "Yusein", "Todorov"),
        ("tr",),
    ),
    Origin(
        "ti",
        "ER",
        6,
        ("Selam", "Helen", "Luwam", "Senait", "Yordanos", "Ruta", "Saron"),
        ("Yonas", "Robel", "Biniam", "Filmon", "Henok", "Aron", "Samuel"),
        ("Tsega", "Mebrat", "Azieb", "Letemariam", "Hiwet"),
        ("Tesfay", "Mehari", "Ghirmay", "Kidane", "Berhane"),
        ("Tesfamariam", "Ghebremedhin", "Haile", "Woldemichael", "Kahsay", "Abraha", "Yohannes"),
        ("ar", "en"),
    ),
    Origin(
        "so",
        "SO",
        3,
        ("Hodan", "Ayaan", "Sagal", "Najma", "Ifrah"),
        ("Abdirahman", "Mahad", "Liban", "Hamza", "Yasin"),
        ("Faadumo", "Hibaaq", "Sahra"),
        ("Abdullahi", "Farah", "Hassan"),
        ("Warsame", "Mohamud", "Jama", "Abdi", "Nur"),
        ("ar", "en"),
    ),
    Origin(
        "sq",
        "AL",
        2,
        ("Arta", "Blerta", "Elira", "Jeta", "Dea"),
        ("Arbër", "Dardan", "Leon", "Ardit", "Ilir"),
        ("Drita", "Vjosa", "Mimoza"),
        ("Agron", "Besnik", "Fatmir"),
        ("Krasniqi", "Gashi", "Berisha", "Hoxha", "Morina"),
        ("sr", "de"),
    ),
)

KOELN_STREETS = (
    "Venloer Straße",
    "Aachener Straße",
    "Neusser Straße",
    "Berliner Straße",
    "Frankfurter Straße",
    "Kalker Hauptstraße",
    "Bergisch Gladbacher Straße",
    "Dürener Straße",
    "Luxemburger Straße",
    "Bonner Straße",
    "Severinstraße",
    "Subbelrather Straße",
    "Mülheimer Freiheit",
    "Hauptstraße",
    "Kirchstraße",
    "Am Bilderstöckchen",
    "Florastraße",
    "Merheimer Straße",
    "Olpener Straße",
    "Rösrather Straße",
    "Waldstraße",
    "Lindenstraße",
    "Schulstraße",
    "Gartenstraße",
)

SOEST_STREETS = (
    "Bahnhofstraße",
    "Hauptstraße",
    "Kirchstraße",
    "Lange Straße",
    "Marktstraße",
    "Schützenstraße",
    "Ostenhellweg",
    "Westenhellweg",
    "Lippstädter Straße",
    "Soester Straße",
    "Am Stadtpark",
    "Ringstraße",
    "Brüderstraße",
    "Cappelstraße",
    "Erwitter Straße",
    "Werler Straße",
    "Schulstraße",
    "Gartenstraße",
    "Lindenweg",
    "Mühlenweg",
)

# Towns of the Kreis Soest with their GeoNames postcodes (geo/data/nrw_postcodes.csv) and
# a weight near their population in thousands, so that most families live in the towns.
SOEST_TOWNS: tuple[tuple[str, str, int], ...] = (
    ("59555", "Lippstadt", 17),
    ("59556", "Lippstadt", 17),
    ("59557", "Lippstadt", 17),
    ("59558", "Lippstadt", 17),
    ("59494", "Soest", 48),
    ("59457", "Werl", 31),
    ("59581", "Warstein", 25),
    ("59590", "Geseke", 21),
    ("59597", "Erwitte", 16),
    ("58739", "Wickede", 12),
    ("59469", "Ense", 12),
    ("59510", "Lippetal", 12),
    ("59514", "Welver", 12),
    ("59505", "Bad Sassendorf", 12),
    ("59519", "Möhnesee", 11),
    ("59602", "Rüthen", 10),
    ("59609", "Anröchte", 10),
)
