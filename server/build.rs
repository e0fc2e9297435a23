// `sqlx::migrate!` embeds the migrations when this crate compiles; without this, a
// migration added to the folder would not make cargo compile it again (what
// `sqlx migrate build-script` writes).
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
