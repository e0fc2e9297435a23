//! Demo data: a few residents and organisations, ideas in the three languages across
//! themes and municipalities, votes, and comments from residents and organisations, so
//! that a newcomer sees a living platform.
//! Loading is idempotent: it does nothing when the demo accounts exist already.

use agora_app::accounts::model::{AccountKind, Password, Role};
use agora_app::accounts::{password, store as accounts};
use agora_app::comments::store::{self as comments, NewComment, Posted};
use agora_app::db::Db;
use agora_app::ideas::model::slugify;
use agora_app::ideas::store::{self as ideas, Created, NewIdea};
use agora_app::votes::store as votes;
use anyhow::bail;

/// Everyone in the demo signs in with this passphrase (printed by the command).
pub const DEMO_PASSWORD: &str = "demo passphrase for Agora Brussels";

struct Person {
    email: &'static str,
    name: &'static str,
    kind: AccountKind,
    organisation: Option<(&'static str, &'static str)>,
}

const PEOPLE: &[Person] = &[
    Person {
        email: "ines.demo@example.be",
        name: "Inès Lambert",
        kind: AccountKind::Resident,
        organisation: None,
    },
    Person {
        email: "jan.demo@example.be",
        name: "Jan Peeters",
        kind: AccountKind::Resident,
        organisation: None,
    },
    Person {
        email: "sarah.demo@example.be",
        name: "Sarah Okafor",
        kind: AccountKind::Resident,
        organisation: None,
    },
    Person {
        email: "karim.demo@example.be",
        name: "Karim El Amrani",
        kind: AccountKind::Resident,
        organisation: None,
    },
    Person {
        email: "lotte.demo@example.be",
        name: "Lotte Wouters",
        kind: AccountKind::Resident,
        organisation: None,
    },
    Person {
        email: "marc.demo@example.be",
        name: "Marc Dubois",
        kind: AccountKind::Resident,
        organisation: None,
    },
    Person {
        email: "hello.demo@tramdata.example",
        name: "Tram Data",
        kind: AccountKind::Business,
        organisation: Some(("Tram Data SRL", "0403.170.701")),
    },
    Person {
        email: "lab.demo@university.example",
        name: "Smart City Lab",
        kind: AccountKind::Academic,
        organisation: Some(("Smart City Chair, VUB", "VUB-SCC-2017")),
    },
];

/// (author index, language, theme, municipality, title, description, supporters)
type DemoIdea = (
    usize,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    usize,
);

const IDEAS: &[DemoIdea] = &[
    (0, "fr", "digital-inclusion", Some("molenbeek-saint-jean"), "Des ateliers numériques gratuits dans chaque bibliothèque",
     "Beaucoup d'habitants n'osent pas demander de l'aide pour leurs démarches en ligne.\n\nUn atelier hebdomadaire, animé par des bénévoles et des espaces publics numériques, permettrait d'apprendre à utiliser Irisbox, la banque en ligne ou les rendez-vous médicaux.", 6),
    (0, "fr", "digital-administration", None, "Un seul formulaire pour signaler un problème dans la rue",
     "Aujourd'hui, il faut savoir si le trottoir dépend de la commune ou de la Région. Un formulaire unique, avec photo et localisation, transmettrait le signalement au bon service et permettrait d'en suivre le traitement.", 5),
    (3, "fr", "internet-use", Some("schaerbeek"), "Sensibiliser les élèves au harcèlement en ligne",
     "Des séances courtes, préparées avec les écoles et les associations de jeunesse, pour reconnaître le cyberharcèlement et savoir à qui en parler.", 3),
    (5, "fr", "digital-technology", Some("ixelles"), "Publier la qualité de l'air rue par rue en open data",
     "Les capteurs existent déjà dans plusieurs quartiers. Publier leurs mesures en données ouvertes permettrait aux écoles, aux chercheurs et aux habitants de les utiliser.\n\nVoir par exemple https://opendata.brussels.be pour le portail régional.", 4),
    (1, "nl", "digital-inclusion", Some("anderlecht"), "Tweedehands laptops voor gezinnen zonder computer",
     "Bedrijven vervangen elk jaar duizenden laptops. Laat ze opknappen in sociale werkplaatsen en geef ze aan gezinnen met schoolgaande kinderen die thuis geen computer hebben.", 5),
    (1, "nl", "human-capital", None, "Programmeerclubs voor kinderen in elke gemeente",
     "Een wekelijkse club op woensdagnamiddag, met vrijwilligers uit bedrijven en hogescholen, waar kinderen leren programmeren en robots bouwen.", 4),
    (4, "nl", "transversality", Some("jette"), "Eén wachttijd-app voor MIVB, De Lijn, TEC en NMBS",
     "Wie in Brussel reist, wisselt vaak van vervoermaatschappij. Eén app of scherm aan de halte met alle wachttijden samen zou veel tijd besparen.", 6),
    (4, "nl", "european-dimension", None, "Samenwerken met Amsterdam en Lissabon rond open data",
     "Andere Europese steden hebben al ervaring met stedelijke dataplatformen. Een uitwisseling van ambtenaren en gedeelde standaarden zou Brussel tijd en geld besparen.", 2),
    (2, "en", "digital-technology", Some("bruxelles"), "Real-time free parking spaces for delivery vans",
     "Delivery vans double-park because they cannot see where the loading bays are free. Sensors on loading bays and an open feed would reduce congestion in the city centre.", 3),
    (2, "en", "digital-administration", Some("etterbeek"), "Book a municipal appointment online in three languages",
     "Booking an appointment for an identity card should take two minutes, in French, Dutch or English, with a reminder by email.", 5),
    (6, "en", "digital-technology", None, "An open API for tram and bus waiting times",
     "We build displays for shops near stops. A documented, open API with the live waiting times would let anyone show them, including apps for people with visual impairments.", 4),
    (7, "en", "human-capital", None, "A living lab where residents test smart city services first",
     "Before a service is rolled out across the region, a group of volunteer residents from different municipalities tries it and reports what works. The Smart City chair can run the evaluation.", 6),
];

/// (idea index, author index, the comment it answers (an index in this list), text)
type DemoComment = (usize, usize, Option<usize>, &'static str);

const COMMENTS: &[DemoComment] = &[
    (
        0,
        1,
        None,
        "Goed idee. In Anderlecht doet de bibliotheek dit al op zaterdag, en er is altijd een wachtlijst.",
    ),
    (
        0,
        0,
        Some(0),
        "Merci ! Je ne savais pas. Ce serait bien de partager leur expérience avec les autres communes.",
    ),
    (
        0,
        7,
        None,
        "Our students could volunteer as coaches; we would gladly evaluate the effect on participants.",
    ),
    (
        3,
        6,
        None,
        "We already publish transit data; happy to share how we format sensor feeds so that they are easy to reuse.",
    ),
    (
        3,
        5,
        Some(3),
        "Très utile, merci. Un format commun éviterait que chaque commune invente le sien.",
    ),
    (
        6,
        2,
        None,
        "Yes! Changing from a De Lijn bus to the metro at Rogier is a guessing game today.",
    ),
    (
        6,
        6,
        Some(5),
        "The data exists for all four operators. The hard part is agreeing on one feed; we can help with that.",
    ),
    (
        6,
        3,
        None,
        "Et pour les personnes malvoyantes, une annonce sonore aux arrêts serait précieuse.",
    ),
    (
        8,
        4,
        None,
        "Ook fietskoeriers zouden hier baat bij hebben: minder dubbelparkeerders op de fietspaden.",
    ),
    (
        9,
        0,
        None,
        "Et en langue des signes pour les personnes sourdes ? Un rendez-vous vidéo serait un vrai progrès.",
    ),
    (
        11,
        1,
        None,
        "Ik meld me aan als vrijwilliger. Hoe worden de deelnemers gekozen?",
    ),
    (
        11,
        7,
        Some(10),
        "By drawing lots among volunteers, balanced by municipality, age and language. We will publish the method.",
    ),
];

/// Loads the demo data; returns how many ideas were created (0 when already loaded).
pub async fn load(db: &Db) -> anyhow::Result<usize> {
    let demo_password =
        Password::parse(DEMO_PASSWORD).map_err(|_| anyhow::anyhow!("the demo password is too short"))?;
    let hash = password::hash(demo_password).await?;
    let mut ids = Vec::with_capacity(PEOPLE.len());
    for person in PEOPLE {
        let account = accounts::NewAccount {
            email: person.email.to_owned(),
            email_normalized: person.email.to_lowercase(),
            password_hash: hash.clone(),
            display_name: person.name.to_owned(),
            kind: person.kind,
            role: Role::Member,
            organisation_name: person.organisation.map(|(name, _)| name.to_owned()),
            registration_number: person.organisation.map(|(_, number)| number.to_owned()),
        };
        match accounts::insert(db, &account).await? {
            Some(id) => ids.push(id),
            None if ids.is_empty() => return Ok(0),
            None => bail!("the demo accounts exist only in part; load the demo into a fresh database"),
        }
    }
    let mut idea_ids = Vec::with_capacity(IDEAS.len());
    for &(author, language, theme, district, title, body, supporters) in IDEAS {
        let slug = slugify(title);
        let idea = NewIdea {
            title,
            slug: &slug,
            body,
            theme_slug: theme,
            district_slug: district,
            author_id: ids[author],
            language,
        };
        let id = match ideas::create(db, &idea).await? {
            Created::Idea(id) => id,
            Created::UnknownTheme | Created::UnknownDistrict => bail!("demo idea {title:?} names an unknown place"),
        };
        for supporter in ids.iter().cycle().skip(author + 1).take(supporters) {
            votes::cast(db, id, *supporter, true).await?;
        }
        idea_ids.push(id);
    }
    let mut comment_ids = Vec::with_capacity(COMMENTS.len());
    for &(idea, author, answers, body) in COMMENTS {
        let comment = NewComment {
            idea_id: idea_ids[idea],
            parent_id: answers.map(|i| comment_ids[i]),
            author_id: ids[author],
            body,
        };
        match comments::post(db, &comment).await? {
            Posted::Done(placed) => comment_ids.push(placed.id),
            _ => bail!("demo comment {body:?} was refused"),
        }
    }
    moderate(db, &hash, &ids, &idea_ids, &comment_ids).await?;
    Ok(IDEAS.len())
}

/// How many of the newest demo ideas wait in the moderators' queue; the others were triaged.
const UNTRIAGED: usize = 3;

/// A moderator's work on the demo: most ideas triaged, one under review, public answers,
/// the university verified (the business still waits), and a comment reported.
async fn moderate(db: &Db, hash: &str, people: &[i64], ideas: &[i64], comments: &[i64]) -> anyhow::Result<()> {
    use agora_app::accounts::model::SessionUser;
    use agora_app::ideas::model::IdeaStatus;
    use agora_app::moderation::model::{Report, Target};
    use agora_app::moderation::store as moderation;

    let account = accounts::NewAccount {
        email: "mira.demo@example.be".to_owned(),
        email_normalized: "mira.demo@example.be".to_owned(),
        password_hash: hash.to_owned(),
        display_name: "Mira Janssens".to_owned(),
        kind: AccountKind::Resident,
        role: Role::Moderator,
        organisation_name: None,
        registration_number: None,
    };
    let Some(moderator) = accounts::insert(db, &account).await? else {
        bail!("the demo moderator exists already; load the demo into a fresh database");
    };
    for idea in &ideas[..ideas.len().saturating_sub(UNTRIAGED)] {
        moderation::keep(db, *idea, moderator).await?;
    }
    moderation::set_status(
        db,
        ideas[1],
        moderator,
        IdeaStatus::UnderReview,
        "Nous étudions la proposition avec Bruxelles Mobilité et les communes : un formulaire unique existe déjà pour \
         les voiries régionales (Fix My Street).",
    )
    .await?;
    let mira = SessionUser {
        id: moderator,
        display_name: account.display_name.clone(),
        role: Role::Moderator,
        kind: AccountKind::Resident,
        auth_version: 0,
        blocked: false,
    };
    moderation::respond(
        db,
        ideas[6],
        &mira,
        "De vervoermaatschappijen delen hun wachttijden al als open data. We vragen hen of een gezamenlijk scherm \
         aan de grote haltes mogelijk is.",
    )
    .await?;
    moderation::set_verified(db, people[7], moderator, true).await?;
    if let (Some(comment), Some(reporter)) = (comments.last(), people.get(2)) {
        let report = Report::parse("off_topic", "").map_err(|_| anyhow::anyhow!("the demo report does not parse"))?;
        moderation::report(db, Target::Comment, *comment, *reporter, &report, 3).await?;
    }
    Ok(())
}
