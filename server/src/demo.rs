//! Demo data: a few residents and organisations, ideas in the three languages across
//! themes and municipalities, votes, and comments from residents and organisations;
//! members of the government with their portfolios and projects at every stage, so that
//! a newcomer sees a living platform and a living programme.
//! Loading is idempotent: it does nothing when the demo accounts exist already.

use agora_app::accounts::model::{AccountKind, Password, Role};
use agora_app::accounts::{password, store as accounts};
use agora_app::comments::store::{self as comments, NewComment, Posted};
use agora_app::db::Db;
use agora_app::ideas::model::slugify;
use agora_app::ideas::store::{self as ideas, Created, NewIdea};
use agora_app::ids::{AccountId, IdeaId, MilestoneId, ProjectId};
use agora_app::projects::store::Change;
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
            email_verified: true,
            language: agora_app::locale::Locale::default(),
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
            Created::DailyLimit => bail!("a demo author proposes more ideas in a day than the platform takes"),
        };
        for supporter in ids.iter().cycle().skip(author + 1).take(supporters) {
            votes::cast(db, IdeaId(id), AccountId(*supporter), true).await?;
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
            interval_ms: 0,
        };
        match comments::post(db, &comment).await? {
            Posted::Done(placed) => comment_ids.push(placed.id),
            _ => bail!("demo comment {body:?} was refused"),
        }
    }
    moderate(db, &hash, &ids, &idea_ids, &comment_ids).await?;
    load_projects(db, &hash, &idea_ids).await?;
    Ok(IDEAS.len())
}

/// The demo ideas (indices in `IDEAS`) that wait in the moderators' queue; the others
/// were triaged (or go into projects).
const UNTRIAGED: &[usize] = &[2, 3];

/// A moderator's work on the demo: most ideas triaged, one under review, public answers,
/// the university verified (the business still waits), and a comment reported.
async fn moderate(db: &Db, hash: &str, people: &[i64], ideas: &[i64], comments: &[i64]) -> anyhow::Result<()> {
    use agora_app::accounts::model::SessionUser;
    use agora_app::ideas::model::IdeaStatus;
    use agora_app::moderation::model::{Report, Target};
    use agora_app::moderation::store as moderation;

    let moderator = insert_staff(db, hash, "mira.demo@example.be", "Mira Janssens", Role::Moderator).await?;
    for (index, idea) in ideas.iter().enumerate() {
        if !UNTRIAGED.contains(&index) {
            moderation::keep(db, IdeaId(*idea), AccountId(moderator), "").await?;
        }
    }
    moderation::set_status(
        db,
        IdeaId(ideas[8]),
        AccountId(moderator),
        IdeaStatus::UnderReview,
        "We are studying this with the parking agency and the City of Brussels: sensors on loading bays are being \
         tested in two streets.",
    )
    .await?;
    let mira = SessionUser {
        id: moderator,
        display_name: "Mira Janssens".to_owned(),
        role: Role::Moderator,
        kind: AccountKind::Resident,
        auth_version: 0,
        blocked: false,
        verified: true,
    };
    moderation::respond(
        db,
        ideas[6],
        &mira,
        "De vervoermaatschappijen delen hun wachttijden al als open data. We vragen hen of een gezamenlijk scherm \
         aan de grote haltes mogelijk is.",
    )
    .await?;
    moderation::set_verified(
        db,
        AccountId(people[7]),
        AccountId(moderator),
        true,
        "Checked with the university's research office.",
    )
    .await?;
    if let (Some(comment), Some(reporter)) = (comments.last(), people.get(2)) {
        let report = Report::parse("off_topic", "").map_err(|_| anyhow::anyhow!("the demo report does not parse"))?;
        // The demo's accounts are all new: age does not count here, so the reports hide.
        let rules = moderation::AutoHide {
            threshold: 3,
            min_account_age_ms: 0,
        };
        let reporter = agora_app::policy::Actor {
            id: *reporter,
            role: Role::Member,
            blocked: false,
            verified: true,
        };
        moderation::report(db, Target::Comment, *comment, &reporter, &report, rules).await?;
    }
    Ok(())
}

/// (email, name, portfolio)
const OFFICIALS: &[(&str, &str, &str)] = &[
    (
        "elise.demo@example.be",
        "Élise Vandenbroucke",
        "Transition numérique et simplification administrative",
    ),
    (
        "pieter.demo@example.be",
        "Pieter Claes",
        "Mobiliteit en openbare werken",
    ),
    (
        "luc.demo@example.be",
        "Luc Mertens",
        "Recherche scientifique et enseignement",
    ),
    (
        "nadia.demo@example.be",
        "Nadia Haddad",
        "Economy, employment and European affairs",
    ),
    (
        "sofie.demo@example.be",
        "Sofie Janssens",
        "Welzijn en digitale inclusie",
    ),
];

const MODERATOR: (&str, &str) = ("camille.demo@example.be", "Camille Moreau");

/// How far a demo project has come.
enum Stage {
    Candidate,
    Declined(&'static str),
    Adopted(&'static str),
    InProgress(&'static str, &'static str),
    Completed(&'static str, &'static str, &'static str),
}

struct DemoProject {
    /// Indices in `IDEAS`.
    ideas: &'static [usize],
    /// Index in `OFFICIALS`.
    owner: usize,
    language: &'static str,
    theme: &'static str,
    title: &'static str,
    summary: &'static str,
    factors: &'static [&'static str],
    /// (title, days from today, done)
    milestones: &'static [(&'static str, i64, bool)],
    updates: &'static [&'static str],
    stage: Stage,
}

const PROJECTS: &[DemoProject] = &[
    DemoProject {
        ideas: &[6, 10],
        owner: 1,
        language: "nl",
        theme: "transversality",
        title: "Eén reisinformatie voor heel Brussel",
        summary: "De wachttijden van MIVB, De Lijn, TEC en NMBS samen in één open gegevensstroom, op schermen aan de drukste haltes en in elke app die ze wil gebruiken.\n\nOntworpen met reizigers, ook met slechtziende reizigers.",
        factors: &[
            "Eén akkoord tussen de vier vervoermaatschappijen",
            "Een open en gedocumenteerde gegevensstroom",
            "Toegankelijk voor slechtziende reizigers",
        ],
        milestones: &[
            ("Akkoord met de vier vervoermaatschappijen", -60, true),
            ("Open gegevensstroom gepubliceerd", -20, true),
            ("Vijftig schermen aan de drukste haltes", 45, false),
            ("Evaluatie met reizigers", 120, false),
        ],
        updates: &[
            "De vier vervoermaatschappijen hebben het akkoord ondertekend. De eerste test loopt aan Rogier.",
            "De open gegevensstroom staat online; drie ontwikkelaars bouwen er al een toepassing mee.",
        ],
        stage: Stage::InProgress(
            "Brusselaars wisselen elke dag van vervoermaatschappij: ze verdienen één duidelijk antwoord op de vraag wanneer hun tram, bus of trein komt. Ik neem dit project aan.",
            "De schermen worden dit voorjaar geplaatst.",
        ),
    },
    DemoProject {
        ideas: &[0, 4],
        owner: 0,
        language: "fr",
        theme: "digital-inclusion",
        title: "Des ateliers numériques près de chez vous",
        summary: "Un atelier gratuit chaque semaine dans les bibliothèques et les espaces publics numériques, pour apprendre les démarches en ligne, avec des ordinateurs reconditionnés prêtés aux familles qui n'en ont pas.",
        factors: &[
            "Des animateurs formés dans chaque commune",
            "Des horaires adaptés aux personnes qui travaillent",
            "Des ordinateurs reconditionnés par l'économie sociale",
        ],
        milestones: &[
            ("Dix bibliothèques partenaires", -10, true),
            ("Premiers ateliers dans cinq communes", 30, false),
            ("Cinq cents ordinateurs prêtés", 150, false),
        ],
        updates: &["Dix bibliothèques ont rejoint le projet ; les inscriptions des animateurs bénévoles sont ouvertes."],
        stage: Stage::Adopted(
            "Personne ne doit être laissé de côté par la numérisation des services publics. J'adopte ce projet et je m'engage à ouvrir les premiers ateliers avant l'été.",
        ),
    },
    DemoProject {
        ideas: &[11, 5],
        owner: 2,
        language: "en",
        theme: "human-capital",
        title: "The Brussels living lab",
        summary: "A panel of volunteer residents from every municipality tries new smart city services before they are rolled out, and coding clubs let children build their own. The Smart City chair evaluates each trial.",
        factors: &[
            "A panel balanced by municipality, age and language",
            "Published evaluation methods",
            "Clubs run with schools and universities",
        ],
        milestones: &[
            ("Panel of 300 residents drawn", -90, true),
            ("First three services tested", -40, true),
            ("Coding clubs in ten municipalities", -5, true),
        ],
        updates: &[
            "The panel is complete: 300 residents from all 19 municipalities.",
            "The evaluation of the first three services is published on the project page of the Smart City chair.",
        ],
        stage: Stage::Completed(
            "Testing with residents first saves money and trust. I adopt this project.",
            "The panel meets for the first time next month.",
            "Every planned milestone is reached; the living lab now runs as a permanent service.",
        ),
    },
    DemoProject {
        ideas: &[9, 1],
        owner: 0,
        language: "en",
        theme: "digital-administration",
        title: "Appointments and reports online, in three languages",
        summary: "Book a municipal appointment or report a problem in the street in two minutes, in French, Dutch or English, and follow what happens next.",
        factors: &[
            "One form for every municipality",
            "Reminders by email",
            "Accessible to people who are deaf or hard of hearing",
        ],
        milestones: &[],
        updates: &[],
        stage: Stage::Candidate,
    },
    DemoProject {
        ideas: &[7],
        owner: 3,
        language: "nl",
        theme: "european-dimension",
        title: "Europese samenwerking rond stedelijke data",
        summary: "Ambtenaren uitwisselen met Amsterdam en Lissabon en gedeelde standaarden voor stedelijke dataplatformen afspreken.",
        factors: &["Gedeelde standaarden", "Financiering uit Europese programma's"],
        milestones: &[],
        updates: &[],
        stage: Stage::Declined(
            "This exchange is already part of the Eurocities programme the Region joined last year; a second project would duplicate it. The idea is passed on to the team in charge.",
        ),
    },
];

/// Members of the government, a moderator who promotes ideas, and projects from
/// candidate to completed, each step through the same store functions as the site.
async fn load_projects(db: &Db, hash: &str, idea_ids: &[i64]) -> anyhow::Result<()> {
    use agora_app::i18n::{translate, Locale};
    use agora_app::policy::Actor;
    use agora_app::projects::model::{ProjectStatus, DAY_MS};
    use agora_app::projects::store::{self as projects, NewProject, Promotion};

    let mut officials = Vec::with_capacity(OFFICIALS.len());
    for &(email, name, portfolio) in OFFICIALS {
        let id = insert_staff(db, hash, email, name, Role::Official).await?;
        accounts::set_role(db, None, id, Role::Official, Some(portfolio)).await?;
        officials.push(id);
    }
    let moderator = insert_staff(db, hash, MODERATOR.0, MODERATOR.1, Role::Moderator).await?;
    let today = agora_app::db::now_ms().div_euclid(DAY_MS) * DAY_MS;
    for demo in PROJECTS {
        let locale = Locale::parse(demo.language).unwrap_or_default();
        let note = translate(locale, "project-promoted-note", &[("title", demo.title.to_owned())]);
        let factors: Vec<String> = demo.factors.iter().map(|f| (*f).to_owned()).collect();
        let ideas: Vec<i64> = demo.ideas.iter().map(|i| idea_ids[*i]).collect();
        let slug = slugify(demo.title);
        let project = NewProject {
            title: demo.title,
            slug: &slug,
            summary: demo.summary,
            language: demo.language,
            theme_slug: demo.theme,
            owner_id: officials[demo.owner],
            factors: &factors,
            idea_ids: &ideas,
            moderator_id: moderator,
            note: &note,
        };
        let Promotion::Created(id, _) = projects::promote(db, &project).await? else {
            bail!("demo project {:?} was refused", demo.title);
        };
        let owner = Actor {
            id: officials[demo.owner],
            role: Role::Official,
            blocked: false,
            verified: true,
        };
        let mut steps: Vec<(ProjectStatus, &str)> = vec![];
        match demo.stage {
            Stage::Candidate => {}
            Stage::Declined(statement) => steps.push((ProjectStatus::Declined, statement)),
            Stage::Adopted(statement) => steps.push((ProjectStatus::Adopted, statement)),
            Stage::InProgress(statement, note) => {
                steps.extend([(ProjectStatus::Adopted, statement), (ProjectStatus::InProgress, note)])
            }
            Stage::Completed(statement, started, _) => steps.extend([
                (ProjectStatus::Adopted, statement),
                (ProjectStatus::InProgress, started),
            ]),
        }
        for (to, statement) in steps {
            expect_done(
                projects::set_status(db, owner, ProjectId(id), to, statement).await?,
                demo.title,
            )?;
        }
        for &(title, days, _) in demo.milestones {
            expect_done(
                projects::add_milestone(db, owner, ProjectId(id), title, today + days * DAY_MS).await?,
                demo.title,
            )?;
        }
        let detail = projects::detail(db, ProjectId(id))
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo project vanished"))?;
        for (milestone, &(_, _, done)) in detail.milestones.iter().zip(demo.milestones) {
            if done {
                expect_done(
                    projects::set_milestone_done(db, owner, MilestoneId(milestone.id), true).await?,
                    demo.title,
                )?;
            }
        }
        for update in demo.updates {
            expect_done(
                projects::post_update(db, owner, ProjectId(id), update).await?,
                demo.title,
            )?;
        }
        if let Stage::Completed(_, _, completed) = demo.stage {
            expect_done(
                projects::set_status(db, owner, ProjectId(id), ProjectStatus::Completed, completed).await?,
                demo.title,
            )?;
        }
    }
    Ok(())
}

async fn insert_staff(db: &Db, hash: &str, email: &str, name: &str, role: Role) -> anyhow::Result<i64> {
    let account = accounts::NewAccount {
        email: email.to_owned(),
        email_normalized: email.to_lowercase(),
        password_hash: hash.to_owned(),
        display_name: name.to_owned(),
        kind: AccountKind::Resident,
        role,
        organisation_name: None,
        registration_number: None,
        email_verified: true,
        language: agora_app::locale::Locale::default(),
    };
    accounts::insert(db, &account)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo account {email} exists already"))
}

fn expect_done(change: Change, title: &str) -> anyhow::Result<()> {
    match change {
        Change::Done(_) => Ok(()),
        other => bail!("demo project {title:?}: {other:?}"),
    }
}
