args@{ ... }: args
