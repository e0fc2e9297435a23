//! `agora-server`: serve the site (default), run migrations, load demo data, back up the
//! database, or create an account.

use agora_app::accounts::model::{AccountKind, DisplayName, Email, Password, Role};
use agora_app::accounts::{password, store};
use agora_app::error::ErrorCode;
use agora_server::config::{Config, Tuning};
use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use std::io::BufRead;
use tracing_subscriber::EnvFilter;

// Rendering pages allocates many small strings from every worker thread; mimalloc serves
// them from per-thread heaps (about a sixth more list pages a second than glibc's).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "agora-server", about = "Agora, the citizen participation platform", version)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(flatten)]
    tuning: Tuning,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (the default).
    Serve,
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Load demo accounts, ideas and votes into the database (once); with --synthetic,
    /// a large generated data set for load tests instead.
    Demo(DemoArgs),
    /// Write a consistent copy of the SQLite database to PATH while the site runs (for
    /// PostgreSQL, pg_dump: see the README).
    Backup {
        /// Where the copy goes; it must not exist yet.
        path: std::path::PathBuf,
    },
    /// Copy the whole site from its SQLite database (DATABASE_URL) to a new PostgreSQL
    /// database, in one transaction; stop the site first.
    CopyTo {
        /// The PostgreSQL database: `postgres://user@host/db` (created, empty).
        url: String,
    },
    /// Create an account with a role; the password is read from standard input.
    CreateAccount {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// member, moderator, official or admin
        #[arg(long, default_value = "admin")]
        role: String,
        /// An official's area of competence.
        #[arg(long)]
        portfolio: Option<String>,
    },
}

#[derive(Args)]
struct DemoArgs {
    /// Generate a large synthetic data set (see server/src/synthetic.rs) instead of the
    /// small demo. Refused when synthetic data is already in the database.
    #[arg(long)]
    synthetic: bool,
    /// Synthetic accounts (`synthetic-N@example.invalid`, N from 1).
    #[arg(long, default_value_t = 100_000, requires = "synthetic")]
    accounts: u64,
    /// Synthetic ideas.
    #[arg(long, default_value_t = 100_000, requires = "synthetic")]
    ideas: u64,
    /// Synthetic votes, distinct (idea, account) pairs.
    #[arg(long, default_value_t = 1_000_000, requires = "synthetic")]
    votes: u64,
    /// The same seed generates the same data set.
    #[arg(long, default_value_t = 2017, requires = "synthetic")]
    seed: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Before `.env` is read: mimalloc itself reads only the process's environment.
    agora_server::allocator::return_freed_memory_at_once();
    dotenvy::dotenv().ok();
    let cli = Cli::parse();
    init_logging(&cli.config.log_format);
    let outcome = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&cli.config, &cli.tuning).await,
        Command::Migrate => migrate(&cli.config).await,
        Command::Demo(args) if args.synthetic => synthetic(&cli.config, &args).await,
        Command::Demo(_) => demo(&cli.config).await,
        Command::Backup { path } => backup(&cli.config, &path).await,
        Command::CopyTo { url } => copy_to(&cli.config, &url).await,
        Command::CreateAccount {
            email,
            name,
            role,
            portfolio,
        } => create_account(&cli.config, &email, &name, &role, portfolio.as_deref()).await,
    };
    if let Err(e) = &outcome {
        tracing::error!("{e:#}");
    }
    outcome
}

fn init_logging(format: &str) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_sessions=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn serve(config: &Config, tuning: &Tuning) -> anyhow::Result<()> {
    let router = agora_server::build_tuned(config, tuning).await?;
    let listener = tokio::net::TcpListener::bind(config.listen_addr())
        .await
        .with_context(|| format!("cannot listen on {}", config.listen_addr()))?;
    tracing::info!("Agora is listening on http://{}", listener.local_addr()?);
    agora_server::serve(listener, router).await
}

async fn backup(config: &Config, path: &std::path::Path) -> anyhow::Result<()> {
    let db = agora_server::connect(config).await?;
    agora_server::operations::backup(&db, path).await?;
    tracing::info!("the database was copied to {}", path.display());
    Ok(())
}

async fn copy_to(config: &Config, url: &str) -> anyhow::Result<()> {
    let source = agora_server::connect(config).await?;
    agora_server::migrate(&source).await?;
    let target = agora_app::db::Db::connect(url, 2)
        .await
        .context("cannot open the PostgreSQL database to copy to")?;
    agora_server::migrate(&target).await?;
    let copied = agora_server::operations::copy_to_postgres(&source, &target).await?;
    for (table, rows) in &copied {
        tracing::info!("{table}: {rows} rows");
    }
    tracing::info!("the site was copied; start the servers with DATABASE_URL set to the new database");
    Ok(())
}

async fn migrate(config: &Config) -> anyhow::Result<()> {
    let db = agora_server::connect(config).await?;
    agora_server::migrate(&db).await?;
    tracing::info!("the database schema is up to date");
    Ok(())
}

async fn demo(config: &Config) -> anyhow::Result<()> {
    let db = agora_server::connect(config).await?;
    agora_server::migrate(&db).await?;
    match agora_server::demo::load(&db).await? {
        0 => tracing::info!("the demo data is already loaded"),
        ideas => tracing::info!(ideas, "demo data loaded"),
    }
    eprintln!(
        "Demo accounts (for example ines.demo@example.be) sign in with: {}",
        agora_server::demo::DEMO_PASSWORD
    );
    Ok(())
}

async fn synthetic(config: &Config, args: &DemoArgs) -> anyhow::Result<()> {
    let db = agora_server::connect(config).await?;
    agora_server::migrate(&db).await?;
    let sizes = agora_server::synthetic::Sizes {
        accounts: args.accounts,
        ideas: args.ideas,
        votes: args.votes,
        seed: args.seed,
    };
    let made = agora_server::synthetic::generate(&db, sizes).await?;
    // Closing checkpoints SQLite's write-ahead log into the database file.
    db.close().await;
    eprintln!(
        "Synthetic data: {} accounts ({} to {}), {} ideas, {} votes, {} idea-days. \
         They sign in with: {}",
        made.accounts,
        agora_server::synthetic::email(1),
        agora_server::synthetic::email(made.accounts),
        made.ideas,
        made.votes,
        made.vote_days,
        agora_server::synthetic::PASSWORD
    );
    Ok(())
}

async fn create_account(
    config: &Config,
    email: &str,
    name: &str,
    role: &str,
    portfolio: Option<&str>,
) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("email: {}", e.code()))?;
    let display_name = DisplayName::parse(name).map_err(|e| anyhow::anyhow!("name: {}", e.code()))?;
    let Some(role) = Role::parse(role) else {
        bail!("role must be one of member, moderator, official, admin");
    };
    eprintln!("Password for {} (one line on standard input):", email.as_str());
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password =
        Password::parse(line.trim_end_matches(['\r', '\n'])).map_err(|e| anyhow::anyhow!("password: {}", e.code()))?;
    if !password::is_strong_enough(
        password.expose().to_owned(),
        vec![email.as_str().to_owned(), display_name.as_str().to_owned()],
    )
    .await?
    {
        bail!("password: too easy to guess; use a longer passphrase");
    }
    let db = agora_server::connect(config).await?;
    agora_server::migrate(&db).await?;
    let account = store::NewAccount {
        email: email.as_str().to_owned(),
        email_normalized: email.normalized(),
        password_hash: password::hash(password).await?,
        display_name: display_name.as_str().to_owned(),
        kind: AccountKind::Resident,
        role,
        organisation_name: None,
        registration_number: None,
        email_verified: true,
        language: agora_app::locale::Locale::default(),
    };
    let Some(id) = store::insert(&db, &account).await? else {
        bail!("an account with this email already exists");
    };
    if role == Role::Official {
        store::set_role(&db, None, id, role, portfolio).await?;
    }
    tracing::info!(account = id, role = role.as_str(), "account created");
    Ok(())
}
