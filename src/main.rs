fn main() {
    showcase::app::run();
}
