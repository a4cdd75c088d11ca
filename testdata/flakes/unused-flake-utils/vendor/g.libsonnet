{
  dashboard: { new(title): { title: title, panels: [] } },
}
