"""A synthetic news corpus for benchmarks: wire-style articles with actors, quotes, places,
dates and political events, reproducible from a seed.

    python benchmarks/synth.py 10000 -o corpus/      # JSON Lines files of 1,000 articles

The text is generated, not copied from any data set, so it can live in the repo's tests and
benchmarks.  Vocabulary varies (names, numbers, places are recombined) so spaCy's string store
keeps growing as it would on real news.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = [
    ("Nigeria", "Nigerian", "Abuja", ["Lagos", "Kano", "Maiduguri", "Port Harcourt"]),
    ("Kenya", "Kenyan", "Nairobi", ["Mombasa", "Kisumu", "Garissa", "Eldoret"]),
    ("Ethiopia", "Ethiopian", "Addis Ababa", ["Mekelle", "Gondar", "Bahir Dar", "Dire Dawa"]),
    ("Sudan", "Sudanese", "Khartoum", ["Omdurman", "Port Sudan", "El Fasher", "Kassala"]),
    ("Yemen", "Yemeni", "Sanaa", ["Aden", "Taiz", "Hodeidah", "Marib"]),
    ("Iraq", "Iraqi", "Baghdad", ["Basra", "Mosul", "Erbil", "Kirkuk"]),
    ("Syria", "Syrian", "Damascus", ["Aleppo", "Homs", "Idlib", "Deir ez-Zor"]),
    ("Pakistan", "Pakistani", "Islamabad", ["Karachi", "Lahore", "Peshawar", "Quetta"]),
    ("Colombia", "Colombian", "Bogota", ["Medellin", "Cali", "Cucuta", "Cartagena"]),
    ("Peru", "Peruvian", "Lima", ["Cusco", "Arequipa", "Puno", "Trujillo"]),
    ("Ukraine", "Ukrainian", "Kyiv", ["Kharkiv", "Odesa", "Dnipro", "Lviv"]),
    ("Myanmar", "Myanmar", "Naypyitaw", ["Yangon", "Mandalay", "Sittwe", "Myitkyina"]),
    ("Mali", "Malian", "Bamako", ["Gao", "Timbuktu", "Mopti", "Kidal"]),
    ("Bangladesh", "Bangladeshi", "Dhaka", ["Chittagong", "Sylhet", "Khulna", "Rajshahi"]),
    ("Philippines", "Philippine", "Manila", ["Cebu", "Davao", "Marawi", "Zamboanga"]),
    ("Mexico", "Mexican", "Mexico City", ["Guadalajara", "Monterrey", "Tijuana", "Culiacan"]),
    ("France", "French", "Paris", ["Marseille", "Lyon", "Toulouse", "Nantes"]),
    ("Germany", "German", "Berlin", ["Hamburg", "Munich", "Cologne", "Leipzig"]),
    ("Turkey", "Turkish", "Ankara", ["Istanbul", "Izmir", "Diyarbakir", "Gaziantep"]),
    ("Brazil", "Brazilian", "Brasilia", ["Sao Paulo", "Rio de Janeiro", "Manaus", "Recife"]),
]
IGOS = ["the United Nations", "the African Union", "the European Union", "NATO",
        "the International Committee of the Red Cross", "the World Food Programme"]
FIRST = ["Amina", "John", "Fatima", "Ahmed", "Maria", "Olena", "Carlos", "Grace", "Omar",
         "Li", "Samuel", "Aisha", "Pedro", "Nadia", "Ibrahim", "Elena", "Tariq", "Ruth",
         "Hassan", "Joseph", "Mariam", "David", "Yusuf", "Ana", "Kwame", "Leila"]
LAST = ["Okafor", "Mwangi", "Tesfaye", "Hamid", "Rahman", "Garcia", "Kovalenko", "Diallo",
        "Khan", "Santos", "Haddad", "Mensah", "Nguyen", "Alvarez", "Ochieng", "Bakr",
        "Petrenko", "Suleiman", "Fernandez", "Abebe", "Karimi", "Mbeki", "Torres", "Yilmaz"]
ROLES = [("President", "GOV"), ("Foreign Minister", "GOV"), ("Interior Minister", "GOV"),
         ("army spokesman", "MIL"), ("police chief", "COP"), ("opposition leader", "OPP"),
         ("rebel commander", "REB"), ("union leader", "LAB"), ("rights activist", "CVL")]
GROUPS = ["security forces", "the army", "police", "protesters", "rebels", "militants",
          "opposition supporters", "striking workers", "government troops", "armed men"]
AGENCIES = ["Reuters", "AFP", "AP", "Wire Service", "News Agency"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EVENTS = [
    "{a} accused {b} of violating the ceasefire near {place}",
    "{a} met {b} in {place} to discuss a new peace plan",
    "{a} clashed with {b} in {place}, leaving {n} people dead and {m} injured",
    "about {k} protesters marched through {place} demanding the release of detainees",
    "{a} arrested {n} people suspected of planning attacks in {place}",
    "{a} signed an agreement with {b} on border security",
    "{a} threatened to impose sanctions on {b} if the talks collapsed",
    "{a} called for an independent investigation into the killings in {place}",
    "{a} deployed troops to {place} after a wave of kidnappings",
    "{a} pledged {n} million dollars in humanitarian aid for families displaced from {place}",
    "{a} rejected the demands of {b}, saying they were unacceptable",
    "an explosion at a market in {place} killed {n} people, {b} said",
]
QUOTES = [
    "We will not accept any solution that ignores the suffering of our people",
    "The situation in {place} remains extremely difficult and we are asking for calm",
    "Our forces acted within the law and will continue to protect civilians",
    "This agreement is a first step, but much work remains to be done",
    "Those responsible for these attacks will be brought to justice",
    "We call on all parties to return to the negotiating table without conditions",
    "The government has failed to keep its promises to the people of {place}",
]
FILLER = [
    "The talks had been stalled for {k} months amid disputes over security guarantees.",
    "Aid groups have warned that food supplies in the region are running low.",
    "Local officials said schools and markets in {place} would remain closed until further "
    "notice.",
    "The violence is the worst since an agreement was signed in {year}.",
    "Diplomats said further meetings were expected later this month.",
    "Witnesses described heavy gunfire that lasted for several hours.",
    "The ministry did not respond to a request for comment.",
]


class Synth:
    """Generates articles; ``random.Random(seed)`` makes every corpus reproducible."""

    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)

    def person(self) -> tuple[str, str, str]:
        country = self.rng.choice(COUNTRIES)
        role, _ = self.rng.choice(ROLES)
        name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
        return name, f"{country[1]} {role} {name}", country[0]

    def actor(self) -> str:
        r = self.rng.random()
        country = self.rng.choice(COUNTRIES)
        if r < 0.35:
            return f"{country[1]} {self.rng.choice(GROUPS)}"
        if r < 0.55:
            return self.rng.choice(IGOS)
        if r < 0.8:
            return f"the {country[1]} government"
        return self.person()[1]

    def place(self, country) -> str:
        return self.rng.choice(country[3] + [country[2]])

    def when(self, published: date) -> str:
        r = self.rng.random()
        if r < 0.4:
            return f"on {WEEKDAYS[(published.weekday() - self.rng.randint(0, 3)) % 7]}"
        if r < 0.6:
            return self.rng.choice(["last week", "on Sunday night", "earlier this month",
                                    "yesterday"])
        d = published - timedelta(days=self.rng.randint(0, 20))
        return f"on {d.strftime('%B')} {d.day}"

    def sentence(self, country, published: date) -> str:
        fill = {"a": self.actor(), "b": self.actor(), "place": self.place(country),
                "n": self.rng.randint(2, 80), "m": self.rng.randint(1, 150),
                "k": self.rng.choice([200, 500, 1000, 5000, 20000])}
        core = self.rng.choice(EVENTS).format(**fill)
        return f"{core[0].upper()}{core[1:]} {self.when(published)}."

    def quote(self, country) -> str:
        name, full, _ = self.person()
        text = self.rng.choice(QUOTES).format(place=self.place(country))
        cue = self.rng.choice(["said", "told reporters", "said in a statement"])
        if self.rng.random() < 0.5:
            return f'"{text}," {full} {cue}.'
        return f'{full} {cue} that {text[0].lower()}{text[1:]}.'

    def article(self, i: int) -> dict:
        country = self.rng.choice(COUNTRIES)
        published = date(2024, 1, 1) + timedelta(days=self.rng.randint(0, 365))
        city = self.place(country)
        sentences = [self.sentence(country, published)]
        for _ in range(self.rng.randint(10, 19)):
            r = self.rng.random()
            if r < 0.45:
                sentences.append(self.sentence(country, published))
            elif r < 0.75:
                sentences.append(self.quote(country))
            else:
                sentences.append(self.rng.choice(FILLER).format(
                    place=self.place(country), k=self.rng.randint(2, 30),
                    year=self.rng.randint(2015, 2023)))
        paras, k = [], 0
        while k < len(sentences):
            step = self.rng.randint(1, 3)
            paras.append(" ".join(sentences[k:k + step]))
            k += step
        agency = self.rng.choice(AGENCIES)
        paras[0] = f"{city.upper()}, {country[0]} ({agency}) - {paras[0]}"
        title = " ".join(sentences[0].rstrip(".").split()[:12])
        return {"url": f"https://news.example/{published:%Y/%m/%d}/story-{i}",
                "title": title, "published": published.isoformat(), "source": agency,
                "text": "\n\n".join(paras)}


def articles(n: int, seed: int = 7) -> Iterator[dict]:
    synth = Synth(seed)
    for i in range(n):
        yield synth.article(i)


def write_corpus(n: int, out: Path, per_file: int = 1000, seed: int = 7) -> list[Path]:
    """Write ``n`` articles as JSON Lines files of ``per_file`` articles under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    files, fh = [], None
    for i, art in enumerate(articles(n, seed)):
        if i % per_file == 0:
            if fh:
                fh.close()
            files.append(out / f"synth-{i // per_file:05d}.jsonl")
            fh = files[-1].open("w", encoding="utf-8")
        fh.write(json.dumps(art, ensure_ascii=False) + "\n")
    if fh:
        fh.close()
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("-o", "--out", type=Path, default=Path("synth-corpus"))
    parser.add_argument("--per-file", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = write_corpus(args.n, args.out, args.per_file, args.seed)
    print(f"{args.n} articles in {len(files)} files under {args.out}")


if __name__ == "__main__":
    main()
