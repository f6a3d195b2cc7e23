fn main() {
    showcase::run();
}
