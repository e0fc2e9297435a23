//! `agora-server`: serve the site (default), run migrations, or create an account.

use agora_app::accounts::model::{AccountKind, DisplayName, Email, Password, Role};
use agora_app::accounts::{password, store};
use agora_app::error::ErrorCode;
use agora_server::config::Config;
use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use std::io::BufRead;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(name = "agora-server", about = "Agora, the citizen participation platform", version)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (the default).
    Serve,
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Load demo accounts, ideas and votes into the database (once).
    Demo,
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

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    dotenvy::dotenv().ok();
    let cli = Cli::parse();
    init_logging(&cli.config.log_format);
    let outcome = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&cli.config).await,
        Command::Migrate => migrate(&cli.config).await,
        Command::Demo => demo(&cli.config).await,
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

async fn serve(config: &Config) -> anyhow::Result<()> {
    let router = agora_server::build(config).await?;
    let listener = tokio::net::TcpListener::bind(config.listen_addr())
        .await
        .with_context(|| format!("cannot listen on {}", config.listen_addr()))?;
    tracing::info!("Agora is listening on http://{}", listener.local_addr()?);
    agora_server::serve(listener, router).await
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
