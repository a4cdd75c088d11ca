;;; init.el --- minimal config -*- lexical-binding: t -*-
(use-package magit :ensure t)
(use-package vertico :ensure t :init (vertico-mode))
(use-package nix-ts-mode :ensure t :mode "\\.nix\\'")
