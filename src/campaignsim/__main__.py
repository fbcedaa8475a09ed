from campaignsim.cli import main

main(prog_name="campaignsim")
